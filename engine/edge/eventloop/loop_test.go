package eventloop

import (
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func start(t *testing.T) *Loop {
	t.Helper()
	l := New(goja.New())
	go l.Run()
	t.Cleanup(func() { l.Stop(); <-l.Done() })
	return l
}

func TestOrderAndResults(t *testing.T) {
	l := start(t)
	var got []int64
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 1; i <= 3; i++ {
		l.Enqueue(func(rt *goja.Runtime) {
			v, err := rt.RunString("40 + " + string(rune('0'+i)))
			if err != nil {
				t.Error(err)
			}
			got = append(got, v.ToInteger())
			wg.Done()
		})
	}
	wg.Wait()
	if len(got) != 3 || got[0] != 41 || got[2] != 43 {
		t.Fatalf("got %v", got)
	}
}

func TestReserveOnce(t *testing.T) {
	l := start(t)
	ran := make(chan int, 3)
	l.Enqueue(func(rt *goja.Runtime) {
		cb := l.Reserve()
		go func() {
			cb(func(*goja.Runtime) { ran <- 1 })
			cb(func(*goja.Runtime) { ran <- 2 })
		}()
	})
	if v := <-ran; v != 1 {
		t.Fatalf("first delivery ran %d", v)
	}
	select {
	case v := <-ran:
		t.Fatalf("second delivery ran %d", v)
	case <-time.After(50 * time.Millisecond):
	}
}

func TestTimers(t *testing.T) {
	l := start(t)
	fired := make(chan string, 10)
	l.Enqueue(func(rt *goja.Runtime) {
		id := l.SetTimer(time.Millisecond, false, func(*goja.Runtime) { fired <- "cancelled" })
		l.ClearTimer(id)
		l.SetTimer(2*time.Millisecond, false, func(*goja.Runtime) { fired <- "once" })
		n := 0
		var iv int64
		iv = l.SetTimer(time.Millisecond, true, func(*goja.Runtime) {
			n++
			fired <- "tick"
			if n == 3 {
				l.ClearTimer(iv)
			}
		})
	})
	counts := map[string]int{}
	deadline := time.After(2 * time.Second)
	for counts["tick"] < 3 || counts["once"] < 1 {
		select {
		case s := <-fired:
			counts[s]++
		case <-deadline:
			t.Fatalf("timers did not fire: %v", counts)
		}
	}
	time.Sleep(20 * time.Millisecond)
	if counts["cancelled"] != 0 || len(fired) != 0 {
		t.Fatalf("extra firings: %v + %d", counts, len(fired))
	}
}

func TestStopInterruptsNothingQueued(t *testing.T) {
	l := New(goja.New())
	go l.Run()
	l.Stop()
	<-l.Done()
	if l.Enqueue(func(*goja.Runtime) {}) {
		t.Fatal("enqueue after stop must report false")
	}
	l.Stop()
}

func TestBusyFor(t *testing.T) {
	l := start(t)
	inJob := make(chan struct{})
	release := make(chan struct{})
	l.Enqueue(func(*goja.Runtime) { close(inJob); <-release })
	<-inJob
	time.Sleep(5 * time.Millisecond)
	if l.BusyFor() < 5*time.Millisecond {
		t.Fatalf("busy for %v", l.BusyFor())
	}
	close(release)
	done := make(chan struct{})
	l.Enqueue(func(*goja.Runtime) { close(done) })
	<-done
	time.Sleep(time.Millisecond)
	if l.BusyFor() != 0 {
		t.Fatalf("idle loop busy for %v", l.BusyFor())
	}
}

func TestJobLimitInterruptsSpin(t *testing.T) {
	rt := goja.New()
	l := New(rt)
	got := make(chan any, 1)
	l.SetJobLimit(20*time.Millisecond, func(owner any) {
		got <- owner
		rt.Interrupt("stop")
	})
	go l.Run()
	defer func() { l.Stop(); <-l.Done() }()
	errc := make(chan error, 1)
	l.EnqueueJob(Job{Owner: "req-1", Fn: func(rt *goja.Runtime) {
		_, err := rt.RunString("for (;;) {}")
		errc <- err
	}})
	select {
	case err := <-errc:
		if _, ok := err.(*goja.InterruptedError); !ok {
			t.Fatalf("got %v, want an interrupt", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("spinning job was not interrupted")
	}
	if o := <-got; o != "req-1" {
		t.Fatalf("owner %v", o)
	}
	// Short jobs never trip the limit.
	done := make(chan struct{})
	l.Enqueue(func(*goja.Runtime) { close(done) })
	<-done
	time.Sleep(40 * time.Millisecond)
	select {
	case o := <-got:
		t.Fatalf("limit fired for a short job: %v", o)
	default:
	}
}
