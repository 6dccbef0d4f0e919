package crypto

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
	"github.com/edgeplay/edgeplay/engine/edge/webapi"
)

// stubInternals is the part of the shared internals crypto's set-up uses.
const stubInternals = `({ tag(c){ Object.defineProperty(c.prototype, Symbol.toStringTag, {value: c.name, configurable: true}); }, defineGlobal(n, v){ Object.defineProperty(globalThis, n, {value: v, writable: true, configurable: true}); }, illegalConstructor(){ throw new TypeError('Illegal constructor'); }, requiredArgs(){} })`

// BenchmarkCryptoSetup is this package's share of an isolate's set-up:
// running crypto.js + subtle.js and creating the natives.
func BenchmarkCryptoSetup(b *testing.B) {
	prog := goja.MustCompile("crypto.js", "(function (native, internals, global) {\"use strict\";\n"+cryptoJS+"\n"+subtleJS+"\n})", true)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		rt := goja.New()
		loop := eventloop.New(rt)
		internals, _ := rt.RunString(stubInternals)
		b.StartTimer()
		fnv, _ := rt.RunProgram(prog)
		fn, _ := goja.AssertFunction(fnv)
		native := rt.NewObject()
		for k, v := range natives(&webapi.Host{Loop: loop}) {
			_ = native.Set(k, v)
		}
		if _, err := fn(goja.Undefined(), native, internals, rt.GlobalObject()); err != nil {
			b.Fatal(err)
		}
	}
}
