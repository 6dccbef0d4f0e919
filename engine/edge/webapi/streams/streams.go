// Package streams installs the WHATWG Streams API: ReadableStream,
// WritableStream, TransformStream, their readers, writers and controllers,
// and the queuing strategies.
//
// The implementation is web-streams-polyfill (vendor/), a port of the spec's
// reference implementation, compiled once per process with the rest of the
// runtime, and evaluated in an isolate only when a stream global (or an
// internals.* that makes a stream) is first touched: routes that never use
// a stream do not pay for it. streams.js adds what edgeplay needs on top:
// internals the fetch API uses to read and create streams, and a
// ReadableStream whose chunks come from Go (request bodies).
//
// [Streams]: https://streams.spec.whatwg.org/
package streams

import (
	_ "embed"
	"strings"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed streams.js
var source string

//go:embed vendor/web-streams-polyfill.js
var polyfill string

func init() {
	webapi.Register(webapi.API{
		Name:  "streams",
		Order: 40,
		Spec:  "https://streams.spec.whatwg.org/",
		JS:    strings.Replace(source, "/*@vendor web-streams-polyfill*/", polyfill, 1),
	})
}
