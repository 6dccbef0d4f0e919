package streams_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// BenchmarkIsolateSetup is the per-isolate cost of installing every Web
// API (the one set-up benchmark of the Web APIs; bench/ prints the same
// figure for a real generation): "install" is what an isolate pays when its route never touches a
// stream (the hello route); "install+stream" adds the first use of streams.
func BenchmarkIsolateSetup(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.Run("install", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			webapitest.Installed(b)
		}
	})
	b.Run("install+stream", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rt := webapitest.Installed(b)
			if _, err := rt.RunString(`new ReadableStream({ start(c) { c.enqueue(1); c.close(); } }).getReader().read()`); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("install+response", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rt := webapitest.Installed(b)
			if _, err := rt.RunString(`new Response('Hello').text()`); err != nil {
				b.Fatal(err)
			}
		}
	})
}
