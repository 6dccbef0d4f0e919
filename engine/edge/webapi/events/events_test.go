package events_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"github.com/edgeplay/edgeplay/engine/edge/webapi/webapitest"
)

func TestEvents(t *testing.T) { webapitest.RunFile(t, "testdata/events_test.js") }

func TestAbort(t *testing.T) { webapitest.RunFile(t, "testdata/abort_test.js") }

// TestInternals checks what other APIs use: createAbortSignal, abortSignal,
// addAbortAlgorithm, fireEvent, defineEventHandler.
func TestInternals(t *testing.T) {
	webapitest.RunSourceWith(t, "internals_test.js", `
	test('createAbortSignal and abortSignal', () => {
	  const s = internals.createAbortSignal();
	  assert(s instanceof AbortSignal && !s.aborted);
	  const log = [];
	  const remove = internals.addAbortAlgorithm(s, () => log.push('algorithm'));
	  internals.addAbortAlgorithm(s, () => log.push('second'));
	  s.onabort = () => log.push('event');
	  remove();
	  internals.abortSignal(s, 'why');
	  assertEquals(log, ['second', 'event']);
	  assertEquals(s.reason, 'why');
	  internals.abortSignal(s, 'again');
	  assertEquals(s.reason, 'why');
	  const t = internals.createAbortSignal();
	  internals.abortSignal(t);
	  assertEquals(t.reason.name, 'AbortError');
	  assert(internals.isAbortSignal(t) && !internals.isAbortSignal({}));
	});
	test('fireEvent is trusted, defineEventHandler', () => {
	  class Thing extends EventTarget {}
	  internals.defineEventHandler(Thing.prototype, 'ping');
	  const x = new Thing();
	  let got;
	  x.onping = (e) => { got = e.isTrusted; };
	  internals.fireEvent(x, new Event('ping'));
	  assertEquals(got, true);
	});`, func(iso *webapitest.Isolate, rt *goja.Runtime) { _ = rt.Set("internals", iso.Internals) })
}

// TestListenerErrorsAreReported: an exception in a listener goes to the
// console as an uncaught error, and the other listeners still run.
func TestListenerErrorsAreReported(t *testing.T) {
	iso := webapitest.New(t, nil)
	v, err := iso.Eval(`
	  const t = new EventTarget();
	  const ran = [];
	  t.addEventListener('x', () => { throw new Error('boom'); });
	  t.addEventListener('x', { handleEvent() { ran.push('second'); } });
	  t.addEventListener('x', { handleEvent: 42 });
	  t.dispatchEvent(new Event('x'));
	  ran.join()`, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if v != "second" {
		t.Errorf("listeners after the throwing one: got %v", v)
	}
	console := webapitest.Lines(iso.Console())
	if !strings.Contains(console, "Uncaught Error: boom") || !strings.Contains(console, "handleEvent") {
		t.Errorf("console:\n%s", console)
	}
}

// TestTimeout: AbortSignal.timeout fires through the loop with a
// TimeoutError, and leaves no timer behind.
func TestTimeout(t *testing.T) {
	iso := webapitest.New(t, nil)
	v, err := iso.Eval(`new Promise((resolve) => {
	  const s = AbortSignal.timeout(5);
	  const start = Date.now();
	  s.addEventListener('abort', (e) => resolve([s.aborted, s.reason.name, s.reason.code, e.isTrusted, Date.now() - start >= 4].join()));
	})`, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if v != "true,TimeoutError,23,true,true" {
		t.Errorf("got %v", v)
	}
	if n := iso.Loop.PendingTimers(); n != 0 {
		t.Errorf("%d timers left after the timeout fired", n)
	}
}

// TestPendingTimeoutKeepsNothingBusy: a signal whose timeout is far away is
// only a timer on the loop. The loop is idle (nothing waits for it, so the
// isolate takes the next request), and stopping the loop drops it.
func TestPendingTimeoutKeepsNothingBusy(t *testing.T) {
	iso := webapitest.New(t, nil)
	v, err := iso.Eval(`globalThis.s = AbortSignal.timeout(3600 * 1000); AbortSignal.timeout(2 ** 53 - 1); s.aborted`, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if v != false {
		t.Fatalf("aborted right away: %v", v)
	}
	if n := iso.Loop.PendingTimers(); n != 2 {
		t.Errorf("pending timers: %d, want 2", n)
	}
	// Eval returns when the job's result is in; the loop marks itself idle
	// just after, so give it a moment — but never the hour of the timeout.
	deadline := time.Now().Add(time.Second)
	for iso.Loop.BusyFor() != 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if b := iso.Loop.BusyFor(); b != 0 {
		t.Errorf("the loop reports busy for %v with only a timeout pending", b)
	}
	// The isolate still answers at once.
	if v, err := iso.Eval(`1 + 1`, time.Second); err != nil || v != int64(2) {
		t.Errorf("eval while a timeout is pending: %v %v", v, err)
	}
	done := make(chan struct{})
	go func() { iso.Loop.Stop(); <-iso.Loop.Done(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("Stop waited for a pending AbortSignal.timeout")
	}
	if n := iso.Loop.PendingTimers(); n != 0 {
		t.Errorf("%d timers left after Stop", n)
	}
}
