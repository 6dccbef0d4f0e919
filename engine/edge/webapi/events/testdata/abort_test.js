// AbortController and AbortSignal.

test('AbortController.abort', () => {
  const c = new AbortController();
  const s = c.signal;
  assert(c.signal === s, 'same signal');
  assertEquals([s.aborted, s.reason], [false, undefined]);
  s.throwIfAborted();
  const log = [];
  s.addEventListener('abort', (e) => log.push(['listener', e.type, e.isTrusted, e.target === s, s.aborted]));
  s.onabort = function (e) { log.push(['onabort', this === s]); };
  c.abort();
  assertEquals(log, [['listener', 'abort', true, true, true], ['onabort', true]]);
  assert(s.reason instanceof DOMException, 'default reason');
  assertEquals([s.reason.name, s.reason.code], ['AbortError', 20]);
  const e = assertThrows(() => s.throwIfAborted(), DOMException);
  assert(e === s.reason, 'throws the reason itself');
  c.abort('again'); // a second abort does nothing
  assertEquals(log.length, 2);
  assertEquals(s.reason.name, 'AbortError');
  const d = new AbortController();
  d.abort('why');
  assertEquals(d.signal.reason, 'why');
  try { d.signal.throwIfAborted(); } catch (x) { assertEquals(x, 'why'); }
  const f = new AbortController();
  f.abort(undefined);
  assertEquals(f.signal.reason.name, 'AbortError');
  const g = new AbortController();
  g.abort(null);
  assertEquals(g.signal.reason, null);
});

test('AbortSignal shape', () => {
  assertThrows(() => new AbortSignal(), TypeError);
  assertThrows(() => AbortSignal(), TypeError);
  const s = new AbortController().signal;
  assert(s instanceof EventTarget && s instanceof AbortSignal, 'inheritance');
  assertEquals(Object.prototype.toString.call(s), '[object AbortSignal]');
  assertEquals(Object.prototype.toString.call(new AbortController()), '[object AbortController]');
  assertEquals(Object.getOwnPropertyNames(s), []);
  assertEquals(s.onabort, null);
  assert('onabort' in AbortSignal.prototype, 'onabort on the prototype');
  assertThrows(() => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call(new EventTarget()), TypeError);
});

test('onabort handler semantics', () => {
  const c = new AbortController();
  const s = c.signal;
  const log = [];
  s.onabort = () => log.push('first');
  s.addEventListener('abort', () => log.push('listener'));
  s.onabort = function () { log.push(['second', this === s]); }; // keeps the first position
  s.onabort = 5; // a non-object is null
  assertEquals(s.onabort, null);
  s.onabort = () => log.push('third'); // re-added at the end
  c.abort();
  assertEquals(log, ['listener', 'third']);
  const d = new AbortController();
  d.signal.onabort = { handleEvent() { log.push('not called'); } }; // not callable: nothing
  d.abort();
  assertEquals(log, ['listener', 'third']);
});

test('AbortSignal.abort', () => {
  const s = AbortSignal.abort();
  assertEquals([s.aborted, s.reason.name], [true, 'AbortError']);
  assertEquals(AbortSignal.abort('r').reason, 'r');
  const err = new Error('x');
  assert(AbortSignal.abort(err).reason === err);
});

test('AbortSignal.timeout arguments', () => {
  for (const bad of [-1, NaN, Infinity, -Infinity, 2 ** 53]) assertThrows(() => AbortSignal.timeout(bad), TypeError);
  assertThrows(() => AbortSignal.timeout(), TypeError);
  const s = AbortSignal.timeout(1e9);
  assertEquals(s.aborted, false);
});

test('AbortSignal.timeout aborts with TimeoutError', async () => {
  const s = AbortSignal.timeout(1);
  await new Promise((resolve) => s.addEventListener('abort', resolve));
  assertEquals([s.aborted, s.reason.name], [true, 'TimeoutError']);
});

test('AbortSignal.any', () => {
  const a = new AbortController(), b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  assertEquals(any.aborted, false);
  const log = [];
  any.onabort = () => log.push(['any', any.reason]);
  b.signal.onabort = () => log.push(['b', any.aborted]);
  b.abort('from b');
  // The source's event runs first; the dependent is already aborted then.
  assertEquals(log, [['b', true], ['any', 'from b']]);
  a.abort('from a');
  assertEquals(any.reason, 'from b');
  // An already-aborted source gives an aborted signal at once.
  const c = AbortSignal.any([new AbortController().signal, AbortSignal.abort('early')]);
  assertEquals([c.aborted, c.reason], [true, 'early']);
  // A dependent of a dependent follows the original sources.
  const x = new AbortController();
  const inner = AbortSignal.any([x.signal]);
  const outer = AbortSignal.any([inner]);
  x.abort('x');
  assertEquals([inner.reason, outer.reason], ['x', 'x']);
  assertEquals(AbortSignal.any([]).aborted, false);
  assertEquals(AbortSignal.any(new Set([AbortSignal.abort(1)])).reason, 1);
  assertThrows(() => AbortSignal.any([{}]), TypeError);
  assertThrows(() => AbortSignal.any(5), TypeError);
  assertThrows(() => AbortSignal.any(), TypeError);
});

test('AbortSignal.any with a timeout', async () => {
  const c = new AbortController();
  const s = AbortSignal.any([c.signal, AbortSignal.timeout(1)]);
  await new Promise((resolve) => s.addEventListener('abort', resolve));
  assertEquals(s.reason.name, 'TimeoutError');
});

test('abort steps order: algorithms, then the abort event in listener order', () => {
  const c = new AbortController();
  const s = c.signal;
  const log = [];
  const t = new EventTarget();
  // A listener registered with {signal} is removed by an abort algorithm,
  // which runs before the signal's own abort listeners.
  t.addEventListener('ping', () => log.push('ping'), { signal: s });
  s.addEventListener('abort', (e) => {
    log.push(['first', e.cancelable, e.bubbles, e.isTrusted, s.aborted, t.dispatchEvent(new Event('ping'))]);
  });
  s.onabort = () => log.push('onabort');
  s.addEventListener('abort', () => log.push('third'), { once: true });
  c.abort();
  assertEquals(log, [['first', false, false, true, true, true], 'onabort', 'third']);
  // Listeners added after abort never run: the event fires once.
  s.addEventListener('abort', () => log.push('late'));
  c.abort();
  assertEquals(log.length, 3);
});

test('AbortSignal.timeout(0) aborts asynchronously', async () => {
  const s = AbortSignal.timeout(0);
  assertEquals(s.aborted, false, 'not aborted synchronously');
  await new Promise((r) => { s.onabort = r; });
  assertEquals(s.aborted, true);
  const e = assertThrows(() => s.throwIfAborted(), DOMException);
  assertEquals([e.name, e.code, e.message], ['TimeoutError', 23, 'The operation was aborted due to timeout']);
  assert(e === s.reason, 'throwIfAborted throws the reason itself');
});

test('AbortSignal.any follows the first source to abort, including timeouts', async () => {
  const c = new AbortController();
  const t = AbortSignal.timeout(5);
  const any = AbortSignal.any([t, c.signal]);
  const order = [];
  t.addEventListener('abort', () => order.push(['timeout', any.aborted]));
  any.addEventListener('abort', () => order.push(['any', any.reason.name]));
  await new Promise((r) => any.addEventListener('abort', r));
  c.abort('late');
  assertEquals(order, [['timeout', true], ['any', 'TimeoutError']]);
  assertEquals(any.reason.name, 'TimeoutError');
});
