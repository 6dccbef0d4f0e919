// ReadableStream (default), after WPT streams/readable-streams/*.any.js.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

test('start, pull on demand with highWaterMark, desiredSize', async () => {
  let pulls = 0;
  let ctrl;
  const s = new ReadableStream({
    start(c) { ctrl = c; },
    pull(c) { pulls++; c.enqueue(pulls); },
  }, { highWaterMark: 2 });
  await delay(0);
  assertEquals(pulls, 2, 'fills to the high-water mark');
  assertEquals(ctrl.desiredSize, 0);
  const r = s.getReader();
  assertEquals(await r.read(), { value: 1, done: false });
  await delay(0);
  assertEquals(pulls, 3);
});

test('strategy size() and CountQueuingStrategy / ByteLengthQueuingStrategy', () => {
  const c = new CountQueuingStrategy({ highWaterMark: 3 });
  assertEquals([c.highWaterMark, c.size('x')], [3, 1]);
  const b = new ByteLengthQueuingStrategy({ highWaterMark: 16 });
  assertEquals([b.highWaterMark, b.size(new Uint8Array(5))], [16, 5]);
  assertThrows(() => new CountQueuingStrategy(), TypeError);
  let ctrl;
  new ReadableStream({ start(x) { ctrl = x; } }, b);
  ctrl.enqueue(new Uint8Array(10));
  assertEquals(ctrl.desiredSize, 6);
  assertThrows(() => new ReadableStream({}, { highWaterMark: -1 }), RangeError);
});

test('cancel with a reason reaches the source; reads then end', async () => {
  let reason;
  const s = new ReadableStream({ start(c) { c.enqueue('a'); }, cancel(r) { reason = r; } });
  const r = s.getReader();
  await r.cancel('because');
  assertEquals(reason, 'because');
  assertEquals(await r.read(), { value: undefined, done: true });
  await r.closed;
});

test('stream.cancel() on a locked stream rejects; releaseLock unlocks', async () => {
  const s = new ReadableStream();
  const r = s.getReader();
  assert(s.locked);
  await assertRejects(s.cancel(), TypeError);
  assertThrows(() => s.getReader(), TypeError);
  r.releaseLock();
  assert(!s.locked);
  await assertRejects(r.closed, TypeError);
  await s.cancel();
});

test('error() rejects pending and later reads with the error', async () => {
  let ctrl;
  const s = new ReadableStream({ start(c) { ctrl = c; } });
  const r = s.getReader();
  const p = r.read();
  const e = new Error('boom');
  ctrl.error(e);
  assertEquals(await p.catch((x) => x), e);
  assertEquals(await r.read().catch((x) => x), e);
  assertEquals(await r.closed.catch((x) => x), e);
});

test('a throwing start or pull errors the stream', async () => {
  // A start() that throws makes the constructor throw (SetUpReadableStreamDefaultController).
  assertThrows(() => new ReadableStream({ start() { throw new Error('start'); } }), Error, 'start');
  // A start() that rejects errors the stream.
  await assertRejects(new ReadableStream({ start() { return Promise.reject(new Error('later')); } }).getReader().read(), Error, 'later');
  await assertRejects(new ReadableStream({ pull() { throw new TypeError('pull'); } }).getReader().read(), TypeError, 'pull');
});

test('ReadableStream.from(iterable) and from(asyncIterable)', async () => {
  const got = [];
  for await (const x of ReadableStream.from([1, 2, 3])) got.push(x);
  assertEquals(got, [1, 2, 3]);
  let i = 0;
  const asyncIterable = {
    [Symbol.asyncIterator]() {
      return { next: async () => (i < 2 ? { value: 'v' + i++, done: false } : { value: undefined, done: true }) };
    },
  };
  const r = ReadableStream.from(asyncIterable).getReader();
  assertEquals(await r.read(), { value: 'v0', done: false });
  assertEquals(await r.read(), { value: 'v1', done: false });
  assertEquals((await r.read()).done, true);
  // An iterable of promises: awaited in order.
  const r2 = ReadableStream.from([Promise.resolve('p'), 'q']).getReader();
  assertEquals((await r2.read()).value, 'p');
  assertEquals((await r2.read()).value, 'q');
  assertThrows(() => ReadableStream.from(5), TypeError);
  assertThrows(() => ReadableStream.from({}), TypeError);
});

test('ReadableStream.from: cancel calls the iterator\'s return(reason)', async () => {
  let returned;
  const it = {
    [Symbol.asyncIterator]() { return this; },
    next: async () => ({ value: 1, done: false }),
    return: async (r) => { returned = r; return { done: true }; },
  };
  const r = ReadableStream.from(it).getReader();
  await r.read();
  await r.cancel('stop');
  assertEquals(returned, 'stop');
});

test('ReadableStream.from: an iterator that throws errors the stream', async () => {
  const it = { [Symbol.iterator]() { return { next() { throw new RangeError('it'); } }; } };
  await assertRejects(ReadableStream.from(it).getReader().read(), RangeError, 'it');
});

test('brand checks and illegal constructors', () => {
  assertThrows(() => ReadableStream.prototype.getReader.call({}), TypeError);
  assertThrows(() => new ReadableStreamDefaultController(), TypeError);
  assertThrows(() => new ReadableByteStreamController(), TypeError);
  assertThrows(() => new ReadableStream({ type: 'nope' }), TypeError);
  assertEquals(Object.prototype.toString.call(new ReadableStream()), '[object ReadableStream]');
});
