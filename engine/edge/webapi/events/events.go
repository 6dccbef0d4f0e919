// Package events installs Event, EventTarget, AbortController and
// AbortSignal.
//
// Targets here are not nodes of a tree: an event is dispatched at its target
// only (capture listeners first, then the others), which is what the DOM
// Standard's dispatch does for a path of one. AbortSignal.timeout uses the
// isolate's event loop timers. Other APIs reach the internals through
// `internals`: createAbortSignal, abortSignal, addAbortAlgorithm,
// isAbortSignal, fireEvent and defineEventHandler.
//
// [DOM Events]: https://dom.spec.whatwg.org/#events
// [Aborting]: https://dom.spec.whatwg.org/#aborting-ongoing-activities
package events

import (
	_ "embed"
	"math"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed events.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "events",
		Order:  10,
		Spec:   "https://dom.spec.whatwg.org/#events",
		JS:     source,
		Native: natives,
	})
}

// maxDelay is the longest timer the loop can hold (time.Duration is int64
// nanoseconds: ~292 years); AbortSignal.timeout allows up to 2^53-1 ms.
const maxDelay = time.Duration(math.MaxInt64)

func natives(h *webapi.Host) map[string]any {
	return map[string]any{
		// timeout(fn, ms) runs fn (no arguments) on the loop after ms
		// milliseconds. The loop drops the timer once it has fired, so
		// nothing stays referenced after the signal aborts.
		"timeout": func(call goja.FunctionCall) goja.Value {
			rt := h.Loop.Runtime()
			fn, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(rt.NewTypeError("timeout callback is not a function"))
			}
			d := maxDelay
			if ms := call.Argument(1).ToFloat(); ms < float64(maxDelay/time.Millisecond) {
				d = time.Duration(ms * float64(time.Millisecond))
			}
			h.Loop.SetTimer(d, false, func(rt *goja.Runtime) {
				if _, err := fn(goja.Undefined()); err != nil {
					report(rt, h, err)
				}
			})
			return goja.Undefined()
		},
	}
}

// report hands an exception from a timer callback to internals.reportError
// (the console's "Uncaught …" line); an interrupt keeps unwinding.
func report(rt *goja.Runtime, h *webapi.Host, err error) {
	var v goja.Value
	switch e := err.(type) {
	case *goja.InterruptedError:
		panic(e)
	case *goja.Exception:
		v = e.Value()
	default:
		v = rt.NewGoError(err)
	}
	if h.Internals == nil {
		return
	}
	if f, ok := goja.AssertFunction(h.Internals.Get("reportError")); ok {
		_, _ = f(goja.Undefined(), v)
	}
}
