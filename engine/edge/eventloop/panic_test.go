package eventloop

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

type caught struct {
	owner any
	p     *Panic
}

func startCatching(t *testing.T) (*Loop, chan caught) {
	t.Helper()
	l := New(goja.New())
	ch := make(chan caught, 4)
	l.OnPanic = func(owner any, p *Panic) { ch <- caught{owner, p} }
	go l.Run()
	t.Cleanup(func() { l.Stop(); <-l.Done() })
	return l, ch
}

func nilMapWrite() {
	var m map[string]int
	m["x"] = 1
}

// A Go panic in a job reaches OnPanic with its owner and where it
// happened; the loop goes on with the next job.
func TestJobPanicRecovered(t *testing.T) {
	l, ch := startCatching(t)
	l.EnqueueJob(Job{Owner: "req-1", Fn: func(*goja.Runtime) { nilMapWrite() }})
	ran := make(chan bool, 1)
	l.Enqueue(func(rt *goja.Runtime) {
		v, err := rt.RunString("1 + 1")
		ran <- err == nil && v.ToInteger() == 2
	})
	select {
	case c := <-ch:
		if c.owner != "req-1" || c.p.Error() != "assignment to entry in nil map" || !strings.HasPrefix(c.p.Where(), "eventloop/panic_test.go:") || c.p.InVM {
			t.Errorf("got owner %v, %q at %q (in VM %v)\n%s", c.owner, c.p.Error(), c.p.Where(), c.p.InVM, c.p.Trace())
		}
		if !strings.Contains(c.p.Trace(), "eventloop.nilMapWrite (eventloop/panic_test.go:") {
			t.Errorf("trace:\n%s", c.p.Trace())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("OnPanic not called")
	}
	if !<-ran {
		t.Error("the loop did not go on after the panic")
	}
}

// A panic that unwound through goja's VM says so: queued promise jobs may
// be lost.
func TestPanicThroughVM(t *testing.T) {
	l, ch := startCatching(t)
	l.Enqueue(func(rt *goja.Runtime) {
		rt.Set("boom", func(goja.FunctionCall) goja.Value { nilMapWrite(); return nil })
		_, _ = rt.RunString("(function f() { boom() })()")
	})
	c := <-ch
	if !c.p.InVM || !strings.HasPrefix(c.p.Where(), "eventloop/panic_test.go:") {
		t.Errorf("in VM %v at %q\n%s", c.p.InVM, c.p.Where(), c.p.Trace())
	}
}

// An interrupt unwinding out of a job is the runtime being stopped, not a
// bug.
func TestInterruptIsNoPanic(t *testing.T) {
	l, ch := startCatching(t)
	done := make(chan struct{})
	l.Enqueue(func(rt *goja.Runtime) {
		rt.Interrupt("stop")
		_, err := rt.RunString("for (;;) {}")
		panic(err)
	})
	l.Enqueue(func(*goja.Runtime) { close(done) })
	<-done
	select {
	case c := <-ch:
		t.Errorf("OnPanic called for an interrupt: %v", c.p.Error())
	default:
	}
}

// A callback reserved during a native call belongs to that call: its
// panic goes to the scope's Fail, with the call's JS stack.
func TestNativeScopeGetsAsyncPanic(t *testing.T) {
	l, ch := startCatching(t)
	failed := make(chan *Panic, 1)
	l.Enqueue(func(rt *goja.Runtime) {
		rt.Set("native", func(goja.FunctionCall) goja.Value {
			saved := l.EnterNative()
			cb := l.Reserve()
			sc := l.LeaveNative(saved)
			if sc == nil {
				t.Error("no scope after Reserve")
				return goja.Undefined()
			}
			sc.Fail = func(_ *goja.Runtime, p *Panic) bool { failed <- p; return true }
			go cb(func(*goja.Runtime) { nilMapWrite() })
			return goja.Undefined()
		})
		if _, err := rt.RunScript("caller.js", "function caller() { native() }\ncaller()"); err != nil {
			t.Error(err)
		}
	})
	select {
	case p := <-failed:
		found := false
		for _, f := range p.JSStack {
			found = found || f.SrcName() == "caller.js" && f.FuncName() == "caller"
		}
		if !found {
			t.Errorf("JS stack of the call: %v", p.JSStack)
		}
	case c := <-ch:
		t.Fatalf("went to OnPanic: %v", c.p.Error())
	case <-time.After(5 * time.Second):
		t.Fatal("Fail not called")
	}
	// Outside a native call, Reserve has no scope.
	got := make(chan bool, 1)
	l.Enqueue(func(*goja.Runtime) {
		saved := l.EnterNative()
		sc := l.LeaveNative(saved)
		got <- sc == nil
	})
	if !<-got {
		t.Error("a scope without a Reserve")
	}
}
