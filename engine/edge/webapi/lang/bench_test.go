package lang_test

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// BenchmarkFirstIntlUse is what the first Intl call of an isolate adds.
func BenchmarkFirstIntlUse(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	prg := goja.MustCompile("intl.js", `new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(0) + (1234.5).toLocaleString('de-DE')`, false)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		rt := webapitest.Installed(b)
		b.StartTimer()
		if _, err := rt.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}
