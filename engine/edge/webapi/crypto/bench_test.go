package crypto_test

import (
	"testing"

	"github.com/edgeplay/edgeplay/engine/edge/webapi"
	_ "github.com/edgeplay/edgeplay/engine/edge/webapi/all"
	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

// BenchmarkSubtleFirstUse is a fresh isolate's first crypto.subtle call:
// set-up plus building the algorithm tables.
func BenchmarkSubtleFirstUse(b *testing.B) {
	if err := webapi.Compile(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rt := webapitest.Installed(b)
		if _, err := rt.RunString(`crypto.subtle.digest('SHA-256', new Uint8Array(8))`); err != nil {
			b.Fatal(err)
		}
	}
}
