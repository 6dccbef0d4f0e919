// Package console installs `console`, formatting arguments the way Node's
// util.format / util.inspect do (the edge runtime's console is Node's in
// next dev), and passes each line to the isolate's host, which attributes it
// to the request that wrote it.
//
// [Console]: https://console.spec.whatwg.org/
package console

import (
	_ "embed"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed inspect.js
var inspectJS string

//go:embed console.js
var consoleJS string

func init() {
	webapi.Register(webapi.API{
		Name:   "console",
		Order:  5,
		Spec:   "https://console.spec.whatwg.org/",
		JS:     inspectJS + "\n" + consoleJS,
		Native: natives,
	})
}

func natives(h *webapi.Host) map[string]any {
	return map[string]any{
		"emit": func(call goja.FunctionCall) goja.Value {
			if h.Console != nil {
				h.Console(call.Argument(0).String(), call.Argument(1).String())
			}
			return goja.Undefined()
		},
	}
}
