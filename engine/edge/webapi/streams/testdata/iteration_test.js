// Async iteration, after WPT streams/readable-streams/async-iterator.any.js.
// (for-await here is goja's own; iteration_test.go runs esbuild's lowered
// form, which is what bundled routes use.)

test('Symbol.asyncIterator is values(), and returns an async iterator', async () => {
  assertEquals(typeof ReadableStream.prototype[Symbol.asyncIterator], 'function');
  assertEquals(ReadableStream.prototype[Symbol.asyncIterator], ReadableStream.prototype.values);
  const s = ReadableStream.from(['a', 'b']);
  const it = s[Symbol.asyncIterator]();
  assert(s.locked);
  assertEquals(await it.next(), { value: 'a', done: false });
  assertEquals(await it.next(), { value: 'b', done: false });
  assertEquals(await it.next(), { value: undefined, done: true });
  // goja has no %AsyncIteratorPrototype% (no async generators): the
  // iterator's own prototype supplies [Symbol.asyncIterator]() { return this }.
  assertEquals(it[Symbol.asyncIterator](), it);
});

test('for await reads every chunk', async () => {
  const got = [];
  for await (const c of ReadableStream.from([1, 2, 3])) got.push(c);
  assertEquals(got, [1, 2, 3]);
});

test('break cancels the stream (return())', async () => {
  let reason = 'not cancelled';
  const s = new ReadableStream({ pull(c) { c.enqueue('x'); }, cancel(r) { reason = r; } });
  for await (const c of s) { assertEquals(c, 'x'); break; }
  assertEquals(reason, undefined);
  assert(!s.locked, 'the lock is released');
  assertEquals((await s.getReader().read()).done, true);
});

test('values({preventCancel: true}): break releases the lock without cancelling', async () => {
  let cancelled = false;
  const s = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); }, cancel() { cancelled = true; } });
  for await (const c of s.values({ preventCancel: true })) { assertEquals(c, 1); break; }
  assert(!cancelled);
  assert(!s.locked);
  assertEquals((await s.getReader().read()).value, 2);
});

test('a throw inside the loop cancels with undefined; the error propagates', async () => {
  let reason = 'no';
  const s = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { reason = r; } });
  const e = await (async () => { for await (const c of s) throw new Error('inside ' + c); })().catch((x) => x);
  assertEquals(e.message, 'inside 1');
  assertEquals(reason, undefined);
});

test('an errored stream rejects next(); return(value) gives {value, done: true}', async () => {
  const e = new Error('bad');
  const it = new ReadableStream({ start(c) { c.error(e); } }).values();
  assertEquals(await it.next().catch((x) => x), e);
  const it2 = ReadableStream.from([1]).values();
  assertEquals(await it2.return('v'), { value: 'v', done: true });
  assertEquals(await it2.next(), { value: undefined, done: true });
});

test('a locked stream cannot be iterated', () => {
  const s = new ReadableStream();
  s.getReader();
  assertThrows(() => s.values(), TypeError);
});
