// Package performance installs `performance` (High Resolution Time) with
// the User Timing marks and measures, and PerformanceEntry,
// PerformanceMark, PerformanceMeasure.
//
// The clock is Go's monotonic clock, read from the isolate's creation:
// now() is milliseconds with sub-millisecond (nanosecond-based) precision
// and never goes backwards, whatever the wall clock does. It is also
// internals.now, which Event timestamps and console.time use.
//
// [High Resolution Time]: https://w3c.github.io/hr-time/
// [User Timing]: https://w3c.github.io/user-timing/
package performance

import (
	_ "embed"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed performance.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "performance",
		Order:  26,
		Spec:   "https://w3c.github.io/hr-time/",
		JS:     source,
		Native: natives,
	})
}

func natives(h *webapi.Host) map[string]any {
	// The isolate's time origin ([time origin]: https://w3c.github.io/hr-time/#dfn-time-origin).
	origin := time.Now()
	return map[string]any{
		// now() -> ms since the time origin, from the monotonic clock.
		"now": func(goja.FunctionCall) goja.Value {
			return h.Loop.Runtime().ToValue(float64(time.Since(origin).Nanoseconds()) / 1e6)
		},
		// timeOrigin: the origin as ms since the Unix epoch, with a fraction.
		"timeOrigin": float64(origin.UnixNano()) / 1e6,
	}
}
