// Byte streams and BYOB readers, after WPT streams/readable-byte-streams/.
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

test('type: bytes with a default reader', async () => {
  const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3])); c.close(); } });
  const r = s.getReader();
  assertEquals((await r.read()).value, new Uint8Array([1, 2]));
  assertEquals((await r.read()).value, new Uint8Array([3]));
  assertEquals((await r.read()).done, true);
});

test('enqueue transfers the chunk\'s buffer (detaches it)', () => {
  let ctrl;
  new ReadableStream({ type: 'bytes', start(c) { ctrl = c; } });
  const u8 = new Uint8Array([1, 2, 3]);
  ctrl.enqueue(u8);
  assertEquals(u8.byteLength, 0, 'detached');
  assertThrows(() => ctrl.enqueue(new Uint8Array(0)), TypeError);
  assertThrows(() => ctrl.enqueue('x'), TypeError);
});

test('BYOB reader: read(view) fills the view from queued bytes', async () => {
  const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2, 3, 4, 5])); c.close(); } });
  const r = s.getReader({ mode: 'byob' });
  assert(r instanceof ReadableStreamBYOBReader);
  const buf = new ArrayBuffer(3);
  const res = await r.read(new Uint8Array(buf));
  assertEquals(res.value, new Uint8Array([1, 2, 3]));
  assertEquals(buf.byteLength, 0, 'the given buffer is detached');
  const res2 = await r.read(new Uint8Array(8));
  assertEquals(res2.value, new Uint8Array([4, 5]));
  const end = await r.read(new Uint8Array(4));
  assertEquals(end.done, true);
  assertEquals(end.value.byteLength, 0);
  assert(end.value instanceof Uint8Array);
});

test('BYOB: byobRequest, respond, and views of other types', async () => {
  let calls = 0;
  const s = new ReadableStream({
    type: 'bytes',
    pull(c) {
      const req = c.byobRequest;
      const v = req.view;
      calls++;
      for (let i = 0; i < 4; i++) v[i] = 10 + i;
      req.respond(4);
    },
  });
  const r = s.getReader({ mode: 'byob' });
  const { value } = await r.read(new Uint16Array(2));
  assert(value instanceof Uint16Array);
  assertEquals(new Uint8Array(value.buffer), new Uint8Array([10, 11, 12, 13]));
  assertEquals(calls, 1);
  await assertRejects(r.read(new Uint8Array(0)), TypeError);
  await assertRejects(r.read('x'), TypeError);
});

test('BYOB read(view, {min}) waits for at least min elements', async () => {
  let ctrl;
  const s = new ReadableStream({ type: 'bytes', start(c) { ctrl = c; } });
  const r = s.getReader({ mode: 'byob' });
  const p = r.read(new Uint8Array(6), { min: 4 });
  let settled = false;
  p.then(() => { settled = true; });
  ctrl.enqueue(new Uint8Array([1, 2]));
  await delay(0);
  assert(!settled, 'two bytes are not enough');
  ctrl.enqueue(new Uint8Array([3, 4, 5]));
  const { value } = await p;
  assertEquals(value, new Uint8Array([1, 2, 3, 4, 5]));
  await assertRejects(r.read(new Uint8Array(2), { min: 3 }), RangeError);
  await assertRejects(r.read(new Uint8Array(2), { min: 0 }), TypeError);
  // Closing with fewer than min bytes: the source's respond(0) completes
  // the read with what there is.
  const p2 = r.read(new Uint8Array(4), { min: 4 });
  ctrl.enqueue(new Uint8Array([9]));
  ctrl.close();
  ctrl.byobRequest.respond(0);
  const r2 = await p2;
  assertEquals(r2, { value: new Uint8Array([9]), done: true });
});

test('autoAllocateChunkSize gives a default reader a byobRequest', async () => {
  let size;
  const s = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 16,
    pull(c) {
      const v = c.byobRequest.view;
      size = v.byteLength;
      v[0] = 42;
      c.byobRequest.respond(1);
    },
  });
  const { value } = await s.getReader().read();
  assertEquals(size, 16);
  assertEquals(value, new Uint8Array([42]));
  assertThrows(() => new ReadableStream({ type: 'bytes', autoAllocateChunkSize: 0 }), TypeError);
});

test('getReader({mode: "byob"}) needs a byte stream; bad modes throw', () => {
  assertThrows(() => new ReadableStream().getReader({ mode: 'byob' }), TypeError);
  assertThrows(() => new ReadableStream({ type: 'bytes' }).getReader({ mode: 'nope' }), TypeError);
});

test('tee() of a byte stream: both branches get every byte, independently', async () => {
  const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([1, 2])); c.enqueue(new Uint8Array([3])); c.close(); } });
  const [a, b] = s.tee();
  // One branch reads byte by byte with a BYOB reader, the other with a
  // default reader: each sees the whole stream.
  const ra = a.getReader({ mode: 'byob' });
  const gotA = [];
  for (;;) {
    const { value, done } = await ra.read(new Uint8Array(1));
    if (done) break;
    gotA.push(value[0]);
  }
  const rb = b.getReader();
  const gotB = [];
  for (;;) {
    const { value, done } = await rb.read();
    if (done) break;
    assert(value instanceof Uint8Array);
    for (let i = 0; i < value.length; i++) gotB.push(value[i]);
  }
  assertEquals(gotA, [1, 2, 3]);
  assertEquals(gotB, [1, 2, 3]);
});

test('tee() of a byte stream: chunks are copies, not shared', async () => {
  const s = new ReadableStream({ type: 'bytes', start(c) { c.enqueue(new Uint8Array([7])); c.close(); } });
  const [a, b] = s.tee();
  const x = (await a.getReader().read()).value;
  const y = (await b.getReader().read()).value;
  assert(x.buffer !== y.buffer);
  x[0] = 0;
  assertEquals(y[0], 7);
});
