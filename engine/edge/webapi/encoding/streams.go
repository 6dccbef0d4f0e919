package encoding

import (
	_ "embed"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// TextEncoderStream and TextDecoderStream are a second API of this package:
// they need TransformStream, so they are set up after the streams API
// (Order 40), and they reuse TextEncoder's and TextDecoder's Go code
// through the JS of encoding.js (internals.utf8Encode, TextDecoder).

//go:embed streams.js
var streamsSource string

func init() {
	webapi.Register(webapi.API{
		Name:  "encoding-streams",
		Order: 42,
		Spec:  "https://encoding.spec.whatwg.org/#interface-textdecoderstream",
		JS:    streamsSource,
	})
}
