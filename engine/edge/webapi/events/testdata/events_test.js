// Event and EventTarget.

test('globals and shape', () => {
  for (const name of ['Event', 'EventTarget', 'AbortController', 'AbortSignal']) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert(d && !d.enumerable && d.writable && d.configurable, name);
  }
  assertEquals(Object.prototype.toString.call(new Event('x')), '[object Event]');
  assertEquals(Object.prototype.toString.call(new EventTarget()), '[object EventTarget]');
  assertEquals([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE], [0, 1, 2, 3]);
  assertEquals(new Event('x').AT_TARGET, 2);
  // isTrusted is an own, unforgeable property.
  const d = Object.getOwnPropertyDescriptor(new Event('x'), 'isTrusted');
  assert(d && typeof d.get === 'function' && !d.configurable && d.enumerable, 'isTrusted');
  assertEquals(Object.getOwnPropertyNames(new Event('x')), ['isTrusted']);
  assertThrows(() => Event('x'), TypeError);
  assertThrows(() => new Event(), TypeError);
  assertThrows(() => Event.prototype.type, TypeError);
});

test('Event construction', () => {
  const e = new Event('ping');
  assertEquals([e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.isTrusted, e.target, e.currentTarget, e.eventPhase, e.srcElement],
    ['ping', false, false, false, false, false, null, null, 0, null]);
  assert(typeof e.timeStamp === 'number' && e.timeStamp >= 0, 'timeStamp');
  const f = new Event('x', { bubbles: 1, cancelable: 'yes', composed: true });
  assertEquals([f.bubbles, f.cancelable, f.composed], [true, true, true]);
  assertEquals(new Event(undefined).type, 'undefined');
  assertEquals(new Event('x', null).bubbles, false);
  assertThrows(() => new Event('x', 5), TypeError);
  class MyEvent extends Event { constructor() { super('mine', { cancelable: true }); this.extra = 1; } }
  const m = new MyEvent();
  assertEquals([m.type, m.cancelable, m.extra, m instanceof Event], ['mine', true, 1, true]);
});

test('preventDefault, returnValue, cancelBubble', () => {
  const a = new Event('x');
  a.preventDefault();
  assertEquals(a.defaultPrevented, false); // not cancelable
  const b = new Event('x', { cancelable: true });
  assertEquals(b.returnValue, true);
  b.preventDefault();
  assertEquals([b.defaultPrevented, b.returnValue], [true, false]);
  const c = new Event('x', { cancelable: true });
  c.returnValue = false;
  assertEquals(c.defaultPrevented, true);
  const d = new Event('x');
  d.cancelBubble = true;
  assertEquals(d.cancelBubble, true);
  d.cancelBubble = false; // cannot be unset
  assertEquals(d.cancelBubble, true);
});

test('dispatch: order, phases, this, return value', () => {
  const t = new EventTarget();
  const log = [];
  const e = new Event('go', { cancelable: true });
  t.addEventListener('go', function (ev) { log.push(['bubble1', this === t, ev.eventPhase, ev.target === t, ev.currentTarget === t, ev.composedPath()[0] === t]); });
  t.addEventListener('go', () => log.push('capture'), true);
  t.addEventListener('go', { handleEvent(ev) { log.push(['object', this !== t]); ev.preventDefault(); } });
  t.addEventListener('other', () => log.push('other'));
  assertEquals(t.dispatchEvent(e), false); // canceled
  assertEquals(log, ['capture', ['bubble1', true, 2, true, true, true], ['object', true]]);
  assertEquals([e.eventPhase, e.currentTarget, e.target === t, e.composedPath()], [0, null, true, []]);
  assertEquals(e.isTrusted, false);
  assertEquals(new EventTarget().dispatchEvent(new Event('x')), true);
});

test('listener identity, once, removal during dispatch', () => {
  const t = new EventTarget();
  let n = 0;
  const f = () => n++;
  t.addEventListener('x', f);
  t.addEventListener('x', f); // same listener: ignored
  t.addEventListener('x', f, { capture: true }); // different capture: added
  t.dispatchEvent(new Event('x'));
  assertEquals(n, 2);
  t.removeEventListener('x', f);
  t.removeEventListener('x', f, true);
  t.dispatchEvent(new Event('x'));
  assertEquals(n, 2);
  // once
  let m = 0;
  t.addEventListener('y', () => m++, { once: true });
  t.dispatchEvent(new Event('y'));
  t.dispatchEvent(new Event('y'));
  assertEquals(m, 1);
  // A listener removed by an earlier one does not run; one added does not either.
  const log = [];
  const second = () => log.push('second');
  t.addEventListener('z', () => { log.push('first'); t.removeEventListener('z', second); t.addEventListener('z', () => log.push('added')); });
  t.addEventListener('z', second);
  t.dispatchEvent(new Event('z'));
  assertEquals(log, ['first']);
  // null callbacks are ignored; non-objects throw.
  t.addEventListener('x', null);
  t.removeEventListener('x', null);
  assertThrows(() => t.addEventListener('x', 5), TypeError);
  assertThrows(() => t.addEventListener('x'), TypeError);
  assertThrows(() => t.addEventListener('x', f, { signal: {} }), TypeError);
});

test('stopPropagation and stopImmediatePropagation', () => {
  const t = new EventTarget();
  const log = [];
  t.addEventListener('a', (e) => { log.push('c1'); e.stopPropagation(); }, true);
  t.addEventListener('a', () => log.push('c2'), true);
  t.addEventListener('a', () => log.push('b1'));
  t.dispatchEvent(new Event('a'));
  // stopPropagation in the capture pass ends the dispatch after it.
  assertEquals(log, ['c1', 'c2']);
  log.length = 0;
  t.addEventListener('b', (e) => { log.push('1'); e.stopImmediatePropagation(); });
  t.addEventListener('b', () => log.push('2'));
  const e = new Event('b');
  t.dispatchEvent(e);
  assertEquals(log, ['1']);
  // The flags are cleared after dispatch: the event can be dispatched again.
  assertEquals(e.cancelBubble, false);
  t.dispatchEvent(e);
  assertEquals(log, ['1', '1']);
});

test('passive listeners cannot cancel', () => {
  const t = new EventTarget();
  t.addEventListener('p', (e) => e.preventDefault(), { passive: true });
  const e = new Event('p', { cancelable: true });
  assertEquals(t.dispatchEvent(e), true);
  assertEquals(e.defaultPrevented, false);
});

test('dispatchEvent errors', () => {
  const t = new EventTarget();
  assertThrows(() => t.dispatchEvent({ type: 'x' }), TypeError);
  assertThrows(() => t.dispatchEvent(), TypeError);
  const e = new Event('r');
  t.addEventListener('r', () => {
    const err = assertThrows(() => t.dispatchEvent(e), DOMException);
    assertEquals(err.name, 'InvalidStateError');
    e.initEvent('changed'); // ignored while dispatching
  });
  t.dispatchEvent(e);
  assertEquals(e.type, 'r');
  e.initEvent('s', true, true);
  assertEquals([e.type, e.bubbles, e.cancelable, e.target], ['s', true, true, null]);
});

test('signal removes listeners', () => {
  const t = new EventTarget();
  const c = new AbortController();
  let n = 0;
  t.addEventListener('x', () => n++, { signal: c.signal });
  t.dispatchEvent(new Event('x'));
  c.abort();
  t.dispatchEvent(new Event('x'));
  assertEquals(n, 1);
  // An aborted signal adds nothing.
  t.addEventListener('x', () => n++, { signal: c.signal });
  t.dispatchEvent(new Event('x'));
  assertEquals(n, 1);
});

test('EventTarget subclasses', () => {
  class Emitter extends EventTarget {
    constructor() { super(); this.count = 0; }
    fire() { this.dispatchEvent(new Event('tick')); }
  }
  const em = new Emitter();
  em.addEventListener('tick', () => em.count++);
  em.fire();
  em.fire();
  assertEquals(em.count, 2);
});

test('PromiseRejectionEvent and FetchEvent', () => {
  const p = Promise.reject(new Error('x'));
  p.catch(() => {});
  const e = new PromiseRejectionEvent('unhandledrejection', { promise: p, reason: 'why', cancelable: true });
  assertEquals(e.type, 'unhandledrejection');
  assertEquals(e.promise, p);
  assertEquals(e.reason, 'why');
  assertEquals(e.cancelable, true);
  assertEquals(e instanceof Event, true);
  assertThrows(() => new PromiseRejectionEvent('x', {}), TypeError, 'promise');
  const req = new Request('http://x/');
  const f = new FetchEvent(req);
  assertEquals(f.type, 'fetch');
  assertEquals(f.request, req);
  f.respondWith(new Response('r'));
  assertEquals(f.response instanceof Response, true);
  f.waitUntil(Promise.resolve(1));
  assertEquals(f.awaiting.length, 1);
});
