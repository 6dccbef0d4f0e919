test('enqueue, read, close', async () => {
  const s = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const r = s.getReader();
  assertEquals(await r.read(), { value: 'a', done: false });
  assertEquals(await r.read(), { value: 'b', done: false });
  assertEquals((await r.read()).done, true);
});
test('async iteration uses Symbol.asyncIterator', async () => {
  const s = new ReadableStream({ start(c) { c.enqueue(1); c.enqueue(2); c.close(); } });
  const got = [];
  const it = s[Symbol.asyncIterator]();
  for (;;) { const r = await it.next(); if (r.done) break; got.push(r.value); }
  assertEquals(got, [1, 2]);
});
test('pipeThrough a TransformStream', async () => {
  const s = new ReadableStream({ start(c) { c.enqueue('x'); c.close(); } });
  const t = new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
  const r = s.pipeThrough(t).getReader();
  assertEquals((await r.read()).value, 'X');
});
test('globals are non-enumerable', () => {
  assertEquals(Object.keys(globalThis).filter((k) => k.includes('Stream')), []);
  assertEquals(typeof WritableStream, 'function');
  assertEquals(typeof CountQueuingStrategy, 'function');
});
