// Package webidl installs what every other Web API builds on: the helpers
// for defining WebIDL-shaped globals, brand checks and argument conversion,
// and DOMException.
package webidl

import (
	_ "embed"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed webidl.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:  "webidl",
		Order: 0,
		Spec:  "https://webidl.spec.whatwg.org/",
		JS:    source,
	})
}
