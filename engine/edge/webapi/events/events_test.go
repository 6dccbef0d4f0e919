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
