package eventloop

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/dop251/goja"
)

// Panic is a Go panic caught on the loop: a bug in Go code behind a Web
// API (a nil map write, an index out of range, …), never something a
// route can cause on purpose. goja recovers only its own panic values;
// anything else would unwind through the VM, kill the loop goroutine and
// with it the process. The loop recovers it instead and reports it.
type Panic struct {
	Value any
	// Frames are the Go frames from the one that panicked outwards (the
	// runtime's own panic machinery left out), up to the loop or the
	// native call that recovered it.
	Frames []runtime.Frame
	// InVM is true when the panic unwound through goja's VM: JS was
	// running, and the promise jobs queued in that run may be lost, so
	// the runtime can no longer be trusted to run every continuation.
	InVM bool
	// JSStack is the JS call stack of the native call that reserved the
	// callback that panicked, when it was one (see NativeScope).
	JSStack []goja.StackFrame
}

// CapturePanic describes the panic x. Call it from the deferred function
// that recovered x, so that the panicking frames are still on the stack.
func CapturePanic(x any) *Panic {
	if p, ok := x.(*Panic); ok {
		return p // raised again on the loop (Loop.Go): its frames are the worker's
	}
	p := &Panic{Value: x}
	pcs := make([]uintptr, 128)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var all []runtime.Frame
	lastPanic := -1
	for {
		f, more := frames.Next()
		if isRecoverer(f.Function) {
			break
		}
		if f.Function == "runtime.gopanic" {
			// goja recovers and panics again on its way out: the
			// panic that started it all is the outermost one.
			lastPanic = len(all)
		}
		if strings.HasPrefix(f.Function, "github.com/dop251/goja.") {
			p.InVM = true
		}
		all = append(all, f)
		if !more {
			break
		}
	}
	leading := true
	for _, f := range all[lastPanic+1:] {
		if leading && strings.HasPrefix(f.Function, "runtime.") {
			continue // runtime.panicmem, runtime.mapassign_faststr, …
		}
		leading = false
		if strings.HasPrefix(f.Function, "github.com/dop251/goja.") || len(p.Frames) >= 12 {
			continue
		}
		p.Frames = append(p.Frames, f)
	}
	return p
}

// isRecoverer reports the frames that recover panics on the loop: where
// the walk outwards stops.
func isRecoverer(fn string) bool {
	return strings.HasSuffix(fn, "eventloop.(*Loop).protect") ||
		strings.HasSuffix(fn, "eventloop.(*Loop).worker") ||
		strings.Contains(fn, "engine/edge/webapi.(*guard).wrap") ||
		strings.Contains(fn, "engine/edge/webapi.(*Host).Guard.func")
}

// Error is the panic value as text: "runtime error: index out of range
// [3] with length 3".
func (p *Panic) Error() string {
	switch v := p.Value.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return fmt.Sprint(p.Value)
}

// Where is the Go position that panicked, "crypto/subtle.go:81", or "".
func (p *Panic) Where() string {
	if len(p.Frames) == 0 {
		return ""
	}
	return shortFile(p.Frames[0].File) + ":" + fmt.Sprint(p.Frames[0].Line)
}

// Trace is the Go frames, one per line, for a bug report.
func (p *Panic) Trace() string {
	var b strings.Builder
	for i, f := range p.Frames {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "    at %s (%s:%d)", shortFunc(f.Function), shortFile(f.File), f.Line)
	}
	return b.String()
}

func shortFunc(fn string) string {
	if i := strings.LastIndexByte(fn, '/'); i >= 0 {
		return fn[i+1:]
	}
	return fn
}

// shortFile keeps the package folder and the file name.
func shortFile(file string) string {
	dir, name := filepath.Split(filepath.ToSlash(file))
	return filepath.Base(dir) + "/" + name
}

// NativeScope ties the callbacks a native function reserves while it
// runs to that call, so that a panic in one of their completions can
// reject the promise the call returned (see Loop.EnterNative). Loop-only.
type NativeScope struct {
	// Stack is the JS call stack of the native call, captured when it
	// reserved its first callback: the stack a rejection shows.
	Stack []goja.StackFrame
	// Fail, if set after the call returned, gets a panic of one of the
	// completions and reports whether it made the route see it.
	Fail func(rt *goja.Runtime, p *Panic) bool
}
