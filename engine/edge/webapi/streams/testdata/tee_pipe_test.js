// tee, pipeTo and pipeThrough, after WPT streams/readable-streams/tee.any.js
// and streams/piping/*.any.js.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));
function recorder() {
  const chunks = [];
  const events = [];
  const ws = new WritableStream({
    write(c) { chunks.push(c); },
    close() { events.push('close'); },
    abort(r) { events.push(['abort', r]); },
  });
  return { ws, chunks, events };
}

test('tee: both branches read every chunk', async () => {
  const s = new ReadableStream({ start(c) { c.enqueue('a'); c.enqueue('b'); c.close(); } });
  const [x, y] = s.tee();
  assert(s.locked);
  const rx = x.getReader(), ry = y.getReader();
  assertEquals((await rx.read()).value, 'a');
  assertEquals((await rx.read()).value, 'b');
  assertEquals((await ry.read()).value, 'a');
  assertEquals((await ry.read()).value, 'b');
  assertEquals((await rx.read()).done, true);
  assertEquals((await ry.read()).done, true);
});

test('tee: the source is cancelled only when both branches are, with both reasons', async () => {
  let reason;
  const s = new ReadableStream({ cancel(r) { reason = r; } });
  const [x, y] = s.tee();
  const px = x.cancel('one');
  await delay(0);
  assertEquals(reason, undefined);
  await Promise.all([px, y.cancel('two')]);
  assertEquals(reason, ['one', 'two']);
});

test('tee: an error in the source errors both branches', async () => {
  let ctrl;
  const s = new ReadableStream({ start(c) { ctrl = c; } });
  const [x, y] = s.tee();
  const e = new Error('src');
  ctrl.error(e);
  assertEquals(await x.getReader().closed.catch((v) => v), e);
  assertEquals(await y.getReader().closed.catch((v) => v), e);
});

test('pipeTo: chunks arrive in order, then the destination closes', async () => {
  const { ws, chunks, events } = recorder();
  await ReadableStream.from([1, 2, 3]).pipeTo(ws);
  assertEquals(chunks, [1, 2, 3]);
  assertEquals(events, ['close']);
});

test('pipeTo preventClose leaves the destination open', async () => {
  const { ws, events } = recorder();
  await ReadableStream.from(['x']).pipeTo(ws, { preventClose: true });
  assertEquals(events, []);
  const w = ws.getWriter();
  await w.write('more');
  await w.close();
  assertEquals(events, ['close']);
});

test('pipeTo: a source error aborts the destination, unless preventAbort', async () => {
  const e = new Error('source failed');
  const failing = () => new ReadableStream({ start(c) { c.enqueue(1); c.error(e); } });
  let rec = recorder();
  assertEquals(await failing().pipeTo(rec.ws).catch((x) => x), e);
  assertEquals(rec.events, [['abort', e]]);
  rec = recorder();
  assertEquals(await failing().pipeTo(rec.ws, { preventAbort: true }).catch((x) => x), e);
  assertEquals(rec.events, []);
});

test('pipeTo: a destination error cancels the source, unless preventCancel', async () => {
  const e = new Error('sink failed');
  let cancelled;
  const src = () => new ReadableStream({ pull(c) { c.enqueue('x'); }, cancel(r) { cancelled = r; } });
  const bad = () => new WritableStream({ write() { throw e; } });
  assertEquals(await src().pipeTo(bad()).catch((x) => x), e);
  assertEquals(cancelled, e);
  cancelled = undefined;
  const s = src();
  assertEquals(await s.pipeTo(bad(), { preventCancel: true }).catch((x) => x), e);
  assertEquals(cancelled, undefined);
  assert(!s.locked, 'released after the pipe');
});

test('pipeTo with an AbortSignal: abort stops the pipe with the reason', async () => {
  const ac = new AbortController();
  let cancelled, aborted;
  const rs = new ReadableStream({ pull(c) { return delay(1).then(() => c.enqueue('t')); }, cancel(r) { cancelled = r; } });
  const ws = new WritableStream({ abort(r) { aborted = r; } });
  const p = rs.pipeTo(ws, { signal: ac.signal });
  await delay(5);
  ac.abort();
  const err = await p.catch((x) => x);
  assertEquals(err.name, 'AbortError');
  assert(err instanceof DOMException);
  assertEquals(cancelled, err);
  assertEquals(aborted, err);
  // Already aborted: rejects at once with the signal's reason.
  const reason = new Error('mine');
  const p2 = new ReadableStream().pipeTo(new WritableStream(), { signal: AbortSignal.abort(reason) });
  assertEquals(await p2.catch((x) => x), reason);
  await assertRejects(new ReadableStream().pipeTo(new WritableStream(), { signal: {} }), TypeError);
});

test('pipeTo rejects for a locked source or destination, or a non-stream', async () => {
  const rs = new ReadableStream();
  rs.getReader();
  await assertRejects(rs.pipeTo(new WritableStream()), TypeError);
  const ws = new WritableStream();
  ws.getWriter();
  await assertRejects(new ReadableStream().pipeTo(ws), TypeError);
  await assertRejects(new ReadableStream().pipeTo({}), TypeError);
});

test('pipeThrough returns the readable side; checks its argument', async () => {
  const t = new TransformStream({ transform(c, ctl) { ctl.enqueue(c * 2); } });
  const out = ReadableStream.from([1, 2]).pipeThrough(t);
  assertEquals(out, t.readable);
  const r = out.getReader();
  assertEquals((await r.read()).value, 2);
  assertEquals((await r.read()).value, 4);
  assertThrows(() => new ReadableStream().pipeThrough({}), TypeError);
  assertThrows(() => new ReadableStream().pipeThrough({ readable: new ReadableStream(), writable: {} }), TypeError);
});
