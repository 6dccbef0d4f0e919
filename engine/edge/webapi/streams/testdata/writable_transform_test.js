// WritableStream, its writer, and TransformStream, after WPT
// streams/writable-streams/ and streams/transform-streams/.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

test('writer: desiredSize, ready, write order, close', async () => {
  const written = [];
  let release;
  const ws = new WritableStream({
    write(c) { written.push(c); return new Promise((r) => { release = r; }); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const w = ws.getWriter();
  assertEquals(w.desiredSize, 2);
  await w.ready;
  const p1 = w.write('a');
  const p2 = w.write('b');
  const p3 = w.write('c');
  assertEquals(w.desiredSize, -1, 'backpressure');
  let ready = false;
  w.ready.then(() => { ready = true; });
  await delay(0);
  assert(!ready, 'ready waits while the queue is full');
  release(); await p1;
  release(); await delay(0); release();
  await Promise.all([p2, p3]);
  assertEquals(written, ['a', 'b', 'c']);
  await w.close();
  await w.closed;
  assertEquals(w.desiredSize, 0);
  await assertRejects(w.write('late'), TypeError);
});

test('writer.abort(reason) reaches the sink; pending writes reject', async () => {
  let reason;
  const ws = new WritableStream({ write() { return new Promise(() => {}); }, abort(r) { reason = r; } });
  const w = ws.getWriter();
  const p = w.write('stuck');
  const p2 = w.write('queued');
  const abortP = w.abort('stop');
  await assertRejects(p2);
  assertEquals(await w.closed.catch((x) => x), 'stop');
  void p; void abortP;
  await delay(0);
  assertEquals(reason, 'stop');
});

test('releaseLock: the writer rejects afterwards, the stream is free', async () => {
  const ws = new WritableStream();
  const w = ws.getWriter();
  assert(ws.locked);
  assertThrows(() => ws.getWriter(), TypeError);
  w.releaseLock();
  assert(!ws.locked);
  await assertRejects(w.write('x'), TypeError);
  await assertRejects(w.closed, TypeError);
  const w2 = ws.getWriter();
  await w2.close();
});

test('a sink error errors the stream; controller.signal aborts', async () => {
  const ws = new WritableStream({ write() { throw new RangeError('sink'); } });
  const w = ws.getWriter();
  await assertRejects(w.write(1), RangeError, 'sink');
  await assertRejects(w.closed, RangeError);
  let signal;
  const ws2 = new WritableStream({ start(c) { signal = c.signal; } });
  await ws2.abort('why');
  assert(signal.aborted);
  assertEquals(signal.reason, 'why');
});

test('TransformStream: transform and flush', async () => {
  const ts = new TransformStream({
    transform(chunk, c) { c.enqueue(chunk.toUpperCase()); c.enqueue('|'); },
    flush(c) { c.enqueue('END'); },
  });
  const out = [];
  const reading = (async () => { for await (const x of ts.readable) out.push(x); })();
  const w = ts.writable.getWriter();
  await w.write('a');
  await w.write('b');
  await w.close();
  await reading;
  assertEquals(out, ['A', '|', 'B', '|', 'END']);
});

test('TransformStream: identity by default; terminate(); error()', async () => {
  const id = new TransformStream();
  const w = id.writable.getWriter();
  w.write(1);
  assertEquals((await id.readable.getReader().read()).value, 1);

  const term = new TransformStream({ transform(c, ctl) { ctl.enqueue(c); ctl.terminate(); } });
  const tw = term.writable.getWriter();
  const r = term.readable.getReader();
  tw.write('only').catch(() => {});
  assertEquals((await r.read()).value, 'only');
  assertEquals((await r.read()).done, true);
  await assertRejects(tw.write('more'), TypeError);

  const e = new Error('ts');
  const bad = new TransformStream({ transform() { throw e; } });
  const bw = bad.writable.getWriter();
  const read = bad.readable.getReader().read(); // readable HWM 0: transform waits for a read
  assertEquals(await bw.write('x').catch((x) => x), e);
  assertEquals(await read.catch((x) => x), e);
});

test('TransformStream: cancel() runs when the readable side is cancelled', async () => {
  let reason;
  const ts = new TransformStream({ cancel(r) { reason = r; } });
  await ts.readable.cancel('no more');
  assertEquals(reason, 'no more');
  await assertRejects(ts.writable.getWriter().write('x'));
});

test('TransformStream: cancel() runs when the writable side is aborted', async () => {
  let reason;
  const ts = new TransformStream({ cancel(r) { reason = r; } });
  await ts.writable.abort('abort');
  assertEquals(reason, 'abort');
  await assertRejects(ts.readable.getReader().read());
});

test('TransformStream: backpressure holds transform until the readable is read', async () => {
  let transforms = 0;
  const ts = new TransformStream({ transform(c, ctl) { transforms++; ctl.enqueue(c); } });
  const w = ts.writable.getWriter();
  w.write(1);
  w.write(2);
  await delay(0);
  assertEquals(transforms, 0, 'the readable side (high-water mark 0) wants nothing yet');
  assertEquals(w.desiredSize, -1);
  const r = ts.readable.getReader();
  assertEquals((await r.read()).value, 1);
  await delay(0);
  assertEquals(transforms, 1, 'the second waits for the next read');
  assertEquals((await r.read()).value, 2);
  assertEquals(transforms, 2);
});
