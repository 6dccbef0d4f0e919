// Package console installs `console`, formatting arguments the way Node's
// util.format / util.inspect do (the edge runtime's console is Node's in
// next dev), and passes each line to the isolate's host, which attributes it
// to the request that wrote it.
//
// [Console]: https://console.spec.whatwg.org/
package console

import (
	_ "embed"
	"fmt"
	"strings"

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
		// stack() -> the JS call stack as Node prints it ("    at fn
		// (file:line:col)"), without the runtime's own frames.
		"stack": func(call goja.FunctionCall) goja.Value {
			return h.Loop.Runtime().ToValue(formatStack(h.Loop.Runtime().CaptureCallStack(0, nil)))
		},
	}
}

// formatStack prints frames Node-style. Frames of the runtime's own code
// (file names starting "edgeplay:") are left out: the route's frames are
// the ones a user can act on. Columns are printed 1-based: goja's are
// 0-based for positions mapped through the route's source map (the file
// then differs from the program's name) and 1-based otherwise.
func formatStack(frames []goja.StackFrame) string {
	var b strings.Builder
	for _, f := range frames {
		p := f.Position()
		file := p.Filename
		if file == "" || strings.HasPrefix(file, "edgeplay:") || strings.HasPrefix(file, "edgeplay-node:") {
			continue
		}
		col := p.Column
		if file != f.SrcName() {
			col++
		}
		file = strings.TrimPrefix(file, "/")
		fn := f.FuncName()
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		if fn == "" {
			fmt.Fprintf(&b, "    at %s:%d:%d", file, p.Line, col)
		} else {
			fmt.Fprintf(&b, "    at %s (%s:%d:%d)", fn, file, p.Line, col)
		}
	}
	return b.String()
}
