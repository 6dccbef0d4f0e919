package performance_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// BenchmarkIsolateSetup measures what each new isolate pays: a runtime
// with every registered Web API installed (as webapitest and the engine
// build one). The programs are compiled once, outside the loop.
func BenchmarkIsolateSetup(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		loop := eventloop.New(goja.New())
		h := &webapi.Host{Loop: loop, Env: map[string]string{"A": "1"}, Console: func(string, string) {}}
		if _, err := webapi.Install(h); err != nil {
			b.Fatal(err)
		}
	}
}
