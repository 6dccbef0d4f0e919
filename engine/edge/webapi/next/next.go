// Package next installs what `next/server` exports, so that a project needs
// no node_modules/next: NextRequest (nextUrl, cookies), NextResponse (json,
// redirect, rewrite, next, cookies), NextURL, the cookie classes of
// @edge-runtime/cookies, userAgent and NextFetchEvent. The bundler resolves
// `next/server` to a module that reads them from
// globalThis[Symbol.for('edgeplay.next/server')], and the server hands every
// handler a NextRequest.
//
// [next/server]: https://nextjs.org/docs/app/api-reference/functions/next-request
package next

import (
	_ "embed"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed cookies.js
var cookiesJS string

//go:embed next.js
var nextJS string

//go:embed useragent.js
var userAgentJS string

// ShimSymbol is the Symbol.for key under which the runtime publishes the
// exports of next/server.
const ShimSymbol = "edgeplay.next/server"

func init() {
	webapi.Register(webapi.API{
		Name:  "next",
		Order: 80,
		Spec:  "https://nextjs.org/docs/app/api-reference/functions/next-request",
		JS:    cookiesJS + "\n" + userAgentJS + "\n" + nextJS,
	})
}
