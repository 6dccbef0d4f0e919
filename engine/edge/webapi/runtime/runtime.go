// Package runtime installs the glue between the engine and a route: the
// dispatch function that turns a request from Go into a NextRequest, calls
// the handler, and hands the Response (or the error) back to Go, and the
// chunk reader the server uses to stream a response body.
//
// It runs last, after every Web API is installed.
package runtime

import (
	_ "embed"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed runtime.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:  "runtime",
		Order: 100,
		Spec:  "https://nextjs.org/docs/pages/building-your-application/routing/api-routes#edge-api-routes",
		JS:    source,
	})
}
