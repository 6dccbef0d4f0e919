// Package timers installs setTimeout, setInterval, their clear functions and
// queueMicrotask.
//
// Timers run on the isolate's event loop (eventloop.Loop.SetTimer); ids are
// integers, as on the edge platform.
//
// [Timers]: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
package timers

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed timers.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "timers",
		Order:  25,
		Spec:   "https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers",
		JS:     source,
		Native: natives,
	})
}

func natives(h *webapi.Host) map[string]any {
	return map[string]any{
		// set(fn, ms, interval) schedules fn (a JS function taking no
		// arguments) and returns the timer id.
		"set": func(call goja.FunctionCall) goja.Value {
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(h.Loop.Runtime().NewTypeError("timer callback is not a function"))
			}
			ms := call.Argument(1).ToFloat()
			if !(ms >= 1) { // NaN, negative and < 1 all become 1 ms, as in browsers and Node
				ms = 1
			}
			if ms > 2147483647 {
				ms = 1
			}
			interval := call.Argument(2).ToBoolean()
			id := h.Loop.SetTimer(time.Duration(ms*float64(time.Millisecond)), interval, func(rt *goja.Runtime) {
				if _, err := fn(goja.Undefined()); err != nil && h.Internals != nil {
					reportError(rt, h.Internals, err)
				}
			})
			return h.Loop.Runtime().ToValue(id)
		},
		"clear": func(call goja.FunctionCall) goja.Value {
			h.Loop.ClearTimer(call.Argument(0).ToInteger())
			return goja.Undefined()
		},
	}
}

// reportError hands an exception thrown by a timer callback to the
// runtime's error reporting (uncaught errors show in the log).
func reportError(rt *goja.Runtime, internals *goja.Object, err error) {
	var v goja.Value
	if ex, ok := err.(*goja.Exception); ok {
		v = ex.Value()
	} else if ie, ok := err.(*goja.InterruptedError); ok {
		panic(ie) // the isolate is being stopped: let it unwind
	} else {
		v = rt.NewGoError(err)
	}
	if f, ok := goja.AssertFunction(internals.Get("reportError")); ok {
		_, _ = f(goja.Undefined(), v)
	}
}
