package webapi

import (
	"bytes"
	"fmt"
	"reflect"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/eventloop"
)

// A Go panic in a native function must not take the process down: goja
// recovers only its own panic values (JS exceptions, interrupts); a nil
// map write or an index out of range in Go code behind a Web API unwinds
// through the VM — past the route's try/catch — and out of the loop
// goroutine. Install wraps every native so that such a panic becomes a JS
// Error thrown where the route called the API:
//
//	Error: edgeplay internal error in crypto.getRandomValues: runtime error:
//	index out of range [4] with length 4 (at crypto/crypto.go:123)
//
// and logs the Go frames once, as a bug report. A native that reserved
// loop callbacks and returned a pending promise returns a promise that
// follows it instead, which rejects with such an Error when one of those
// completions panics (see eventloop.NativeScope); any other panic on the
// loop is the loop's to recover (eventloop.Loop.OnPanic).

// deriveSource makes, per isolate, the function that returns [q, reject]
// for a promise p: q follows p, reject rejects q. The intrinsics are bound
// before any route code runs.
const deriveSource = `(function (Promise, then, apply) {
	return function (p) {
		var reject;
		var q = new Promise(function (res, rej) { reject = rej; apply(then, p, [res, rej]); });
		return [q, reject];
	};
})(Promise, Promise.prototype.then, Reflect.apply)`

var deriveProg = goja.MustCompile("edgeplay:webapi/guard.js", deriveSource, true)

var promiseType = reflect.TypeOf((*goja.Promise)(nil))

// guard is an isolate's protection of its native functions.
type guard struct {
	h       *Host
	loop    *eventloop.Loop
	rt      *goja.Runtime
	errCtor goja.Constructor // the intrinsic Error, as it was before routes ran
	derive  goja.Callable
}

func newGuard(h *Host) (*guard, error) {
	rt := h.Loop.Runtime()
	g := &guard{h: h, loop: h.Loop, rt: rt}
	var ok bool
	if g.errCtor, ok = goja.AssertConstructor(rt.Get("Error")); !ok {
		return nil, fmt.Errorf("no Error constructor")
	}
	v, err := rt.RunProgram(deriveProg)
	if err != nil {
		return nil, err
	}
	if g.derive, ok = goja.AssertFunction(v); !ok {
		return nil, fmt.Errorf("guard: not a function")
	}
	return g, nil
}

// wrap returns v, a native of API api, guarded: the same kind of function
// (goja treats each kind differently), or v itself when it is no function.
func (g *guard) wrap(name string, v any) any {
	switch f := v.(type) {
	case nil, goja.Value:
		return v
	case func(goja.FunctionCall) goja.Value:
		return g.wrapFunctionCall(name, f)
	case func(goja.FunctionCall, *goja.Runtime) goja.Value:
		return g.wrapFunctionCall(name, func(call goja.FunctionCall) goja.Value { return f(call, g.rt) })
	case func(goja.ConstructorCall) *goja.Object:
		return g.wrapConstructor(name, f)
	case func(goja.ConstructorCall, *goja.Runtime) *goja.Object:
		return g.wrapConstructor(name, func(call goja.ConstructorCall) *goja.Object { return f(call, g.rt) })
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Func {
		return g.wrapReflect(name, rv)
	}
	return v
}

func (g *guard) wrapFunctionCall(name string, f func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) (ret goja.Value) {
		saved := g.loop.EnterNative()
		defer g.recoverNative(name, saved, &ret)
		return f(call)
	}
}

func (g *guard) wrapConstructor(name string, f func(goja.ConstructorCall) *goja.Object) func(goja.ConstructorCall) *goja.Object {
	return func(call goja.ConstructorCall) *goja.Object {
		saved := g.loop.EnterNative()
		defer g.recoverNative(name, saved, nil)
		return f(call)
	}
}

// wrapReflect guards a plain Go function (goja converts its arguments and
// results by reflection): the wrapper has the same signature.
func (g *guard) wrapReflect(name string, rv reflect.Value) any {
	variadic := rv.Type().IsVariadic()
	return reflect.MakeFunc(rv.Type(), func(args []reflect.Value) []reflect.Value {
		saved := g.loop.EnterNative()
		defer g.recoverNative(name, saved, nil)
		if variadic {
			return rv.CallSlice(args)
		}
		return rv.Call(args)
	}).Interface()
}

// recoverNative ends a native call. It is the deferred function itself,
// so that recover works.
func (g *guard) recoverNative(name string, saved *eventloop.NativeScope, ret *goja.Value) {
	sc := g.loop.LeaveNative(saved)
	x := recover()
	if x == nil {
		if sc != nil && ret != nil {
			*ret = g.followPromise(name, sc, *ret)
		}
		return
	}
	if gojaPanic(x) {
		panic(x) // a JS exception or an interrupt: goja's own business
	}
	p := eventloop.CapturePanic(x)
	panic(g.panicError(name, p, nil))
}

// gojaPanic reports the panic values goja handles itself: thrown JS
// values, exceptions, interrupts, stack overflows and its internal error
// types.
func gojaPanic(x any) bool {
	switch x.(type) {
	case goja.Value, *goja.Exception, *goja.InterruptedError, *goja.StackOverflowError:
		return true
	}
	t := reflect.TypeOf(x)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() == "github.com/dop251/goja"
}

// followPromise returns v unchanged unless it is a pending promise, and
// then a promise that follows it and that a panic in one of the call's
// completions rejects.
func (g *guard) followPromise(name string, sc *eventloop.NativeScope, v goja.Value) goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ExportType() != promiseType {
		return v
	}
	if p, _ := obj.Export().(*goja.Promise); p == nil || p.State() != goja.PromiseStatePending {
		return v
	}
	pair, err := g.derive(goja.Undefined(), v)
	if err != nil {
		return v
	}
	po := pair.ToObject(g.rt)
	reject, ok := goja.AssertFunction(po.Get("1"))
	if !ok {
		return v
	}
	sc.Fail = func(rt *goja.Runtime, p *eventloop.Panic) bool {
		_, err := reject(goja.Undefined(), g.panicError(name, p, sc.Stack))
		return err == nil
	}
	return po.Get("0")
}

// panicError is the JS Error a panic becomes, with stack the JS frames
// of the call when it is not the current stack (an async completion).
// It logs the Go frames.
func (g *guard) panicError(name string, p *eventloop.Panic, stack []goja.StackFrame) goja.Value {
	msg := PanicMessage(name, p)
	if g.h.Console != nil {
		g.h.Console("error", "edgeplay: Go panic in the Web API function "+name+
			" (a bug in edgeplay, not in the route; it became a JS Error): "+p.Error()+"\n"+p.Trace())
	}
	obj, err := g.errCtor(nil, g.rt.ToValue(msg))
	if err != nil {
		return g.rt.ToValue(msg)
	}
	if stack != nil {
		var b bytes.Buffer
		b.WriteString("Error: " + msg)
		for i := range stack {
			b.WriteString("\n\tat ")
			stack[i].Write(&b)
		}
		_ = obj.DefineDataProperty("stack", g.rt.ToValue(b.String()), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	return obj
}

// PanicMessage is the message of the Error a panic in native name becomes.
func PanicMessage(name string, p *eventloop.Panic) string {
	msg := "edgeplay internal error in " + name + ": " + p.Error()
	if w := p.Where(); w != "" {
		msg += " (at " + w + ")"
	}
	return msg
}

// Guard protects a Go function the engine hands to JS itself (a callback
// of its own) as Install protects the natives: a Go panic in it becomes a
// JS Error at the call, or, when onPanic is set, goes to onPanic and the
// call returns undefined (for callbacks whose JS caller could do nothing
// with an error). Loop-only; after Install.
func (h *Host) Guard(name string, f func(goja.FunctionCall) goja.Value, onPanic func(*eventloop.Panic)) func(goja.FunctionCall) goja.Value {
	if h == nil || h.guard == nil {
		return f
	}
	g := h.guard
	if onPanic == nil {
		return g.wrapFunctionCall(name, f)
	}
	return func(call goja.FunctionCall) (ret goja.Value) {
		saved := g.loop.EnterNative()
		defer g.recoverHandled(saved, &ret, onPanic)
		return f(call)
	}
}

func (g *guard) recoverHandled(saved *eventloop.NativeScope, ret *goja.Value, onPanic func(*eventloop.Panic)) {
	g.loop.LeaveNative(saved)
	x := recover()
	if x == nil {
		return
	}
	if gojaPanic(x) {
		panic(x)
	}
	p := eventloop.CapturePanic(x)
	*ret = goja.Undefined()
	onPanic(p)
}
