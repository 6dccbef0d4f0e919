package lang_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
)

// BenchmarkIsolateSetup is the per-isolate cost of installing every Web
// API (the lazy Intl and ua-parser included, not yet touched).
func BenchmarkIsolateSetup(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		loop := eventloop.New(goja.New())
		if _, err := webapi.Install(&webapi.Host{Loop: loop, Env: map[string]string{}, Console: func(string, string) {}}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstIntlUse is what the first Intl call of an isolate adds.
func BenchmarkFirstIntlUse(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	prg := goja.MustCompile("intl.js", `new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(0) + (1234.5).toLocaleString('de-DE')`, false)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		loop := eventloop.New(goja.New())
		if _, err := webapi.Install(&webapi.Host{Loop: loop, Env: map[string]string{}, Console: func(string, string) {}}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := loop.Runtime().RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}
