package streams_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// newIsolate builds a runtime with every Web API installed, as an isolate's
// set-up does. The loop is not started: Install runs on this goroutine,
// which is the only one touching the runtime.
func newIsolate(tb testing.TB) *goja.Runtime {
	rt := goja.New()
	loop := eventloop.New(rt)
	if _, err := webapi.Install(&webapi.Host{Loop: loop, Env: map[string]string{}, Console: func(string, string) {}}); err != nil {
		tb.Fatal(err)
	}
	return rt
}

// BenchmarkIsolateSetup is the per-isolate cost of installing every Web
// API: "install" is what an isolate pays when its route never touches a
// stream (the hello route); "install+stream" adds the first use of streams.
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
	b.Run("install+stream", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rt := newIsolate(b)
			if _, err := rt.RunString(`new ReadableStream({ start(c) { c.enqueue(1); c.close(); } }).getReader().read()`); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("install+response", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rt := newIsolate(b)
			if _, err := rt.RunString(`new Response('Hello').text()`); err != nil {
				b.Fatal(err)
			}
		}
	})
}
