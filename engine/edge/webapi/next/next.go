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
	"sync"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed cookies.js
var cookiesJS string

//go:embed next.js
var nextJS string

//go:embed useragent.js
var userAgentJS string

//go:embed vendor/ua-parser.min.js
var uaParserJS string

// ShimSymbol is the Symbol.for key under which the runtime publishes the
// exports of next/server.
const ShimSymbol = "edgeplay.next/server"

func init() {
	webapi.Register(webapi.API{
		Name:   "next",
		Order:  80,
		Spec:   "https://nextjs.org/docs/app/api-reference/functions/next-request",
		JS:     cookiesJS + "\n" + userAgentJS + "\n" + nextJS,
		Native: natives,
	})
}

// ua-parser-js is ~300 regular expressions, and goja compiles every regex
// literal when it compiles a program: ~200 ms, which would be paid by the
// first request of every process if it were part of the API's program.
// It is compiled on the first userAgent() call instead, once per process,
// and run in each isolate that calls it.
var (
	uaOnce sync.Once
	uaProg *goja.Program
	uaErr  error
)

func uaParserProgram() (*goja.Program, error) {
	uaOnce.Do(func() {
		src := "(function (module, exports) {\n" + uaParserJS + "\n})"
		uaProg, uaErr = goja.Compile("edgeplay:webapi/next-ua-parser.js", src, true)
	})
	return uaProg, uaErr
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	return map[string]any{
		// uaParserModule() -> function (module, exports) of ua-parser-js.
		"uaParserModule": func() goja.Value {
			prog, err := uaParserProgram()
			if err != nil {
				webapi.Throw(rt, "Error", "edgeplay could not load ua-parser-js: "+err.Error())
			}
			v, err := rt.RunProgram(prog)
			if err != nil {
				panic(err)
			}
			return v
		},
	}
}
