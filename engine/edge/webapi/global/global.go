// Package global installs the edge runtime's own globals and locks the
// runtime down: `self`, `EdgeRuntime`, `process.env` (as next dev gives it),
// and `eval`, `Function` and every constructor reachable from a function
// (async, generator, async generator) replaced by functions that throw
// Next's EvalError. Routes get no `require` and no Node.js `process` beyond
// `env`: nothing here reads host files.
//
// [Edge Runtime]: https://nextjs.org/docs/app/api-reference/edge
package global

import (
	_ "embed"
	"sort"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

//go:embed global.js
var source string

func init() {
	webapi.Register(webapi.API{
		Name:   "global",
		Order:  95,
		Spec:   "https://nextjs.org/docs/app/api-reference/edge",
		JS:     source,
		Native: natives,
	})
}

func natives(h *webapi.Host) map[string]any {
	rt := h.Loop.Runtime()
	// The env is handed over as a flat array of names and values so that JS
	// builds a plain object (Go maps would be wrapped in a host object).
	keys := make([]string, 0, len(h.Env))
	for k := range h.Env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	flat := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		flat = append(flat, k, h.Env[k])
	}
	return map[string]any{
		"env": rt.NewArray(flat...),
	}
}
