package fetch_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// BenchmarkIsolateSetup is an isolate's set-up with every Web API
// installed: a runtime, its loop, and webapi.Install.
func BenchmarkIsolateSetup(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		loop := eventloop.New(goja.New())
		h := &webapi.Host{Loop: loop}
		go loop.Run()
		done := make(chan error, 1)
		loop.Enqueue(func(rt *goja.Runtime) {
			_, err := webapi.Install(h)
			done <- err
		})
		if err := <-done; err != nil {
			b.Fatal(err)
		}
		loop.Stop()
		<-loop.Done()
	}
}
