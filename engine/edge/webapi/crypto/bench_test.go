package crypto_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// newIsolate builds a runtime with every Web API installed, as an isolate's
// set-up does. The loop is not started: Install runs on this goroutine.
func newIsolate(tb testing.TB) *goja.Runtime {
	rt := goja.New()
	loop := eventloop.New(rt)
	if _, err := webapi.Install(&webapi.Host{Loop: loop, Env: map[string]string{}, Console: func(string, string) {}}); err != nil {
		tb.Fatal(err)
	}
	return rt
}

// BenchmarkIsolateSetup is the per-isolate cost of installing every Web API
// ("install"), and of the first touch of crypto.subtle on top of it.
func BenchmarkIsolateSetup(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.Run("install", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			newIsolate(b)
		}
	})
}

// BenchmarkSubtle is the cost of common operations through the JS API on a
// warm isolate (the loop's own overhead included).
func BenchmarkSubtleFirstUse(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rt := newIsolate(b)
		if _, err := rt.RunString(`crypto.subtle.digest('SHA-256', new Uint8Array(8))`); err != nil {
			b.Fatal(err)
		}
	}
}
