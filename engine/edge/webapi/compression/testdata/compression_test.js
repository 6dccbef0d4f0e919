// CompressionStream / DecompressionStream: https://compression.spec.whatwg.org/
// Cases after WPT compression/*.any.js. `vectors` (zlib-made "hello world"
// per format) and goCorpus/goCompressed (from Go's writers) come from Go.
const FORMATS = ['gzip', 'deflate', 'deflate-raw'];

function fromChunks(chunks) {
  return new ReadableStream({ start(c) { for (let i = 0; i < chunks.length; i++) c.enqueue(chunks[i]); c.close(); } });
}
async function collect(stream) {
  const r = stream.getReader();
  const out = [];
  for (;;) { const { done, value } = await r.read(); if (done) return out; out.push(value); }
}
function concat(chunks) {
  let n = 0;
  for (let i = 0; i < chunks.length; i++) n += chunks[i].byteLength;
  const out = new Uint8Array(n);
  let off = 0;
  for (let i = 0; i < chunks.length; i++) { out.set(chunks[i], off); off += chunks[i].byteLength; }
  return out;
}
const enc = (s) => new TextEncoder().encode(s);
const dec = (b) => new TextDecoder().decode(b);
async function decompress(format, chunks) {
  return concat(await collect(fromChunks(chunks).pipeThrough(new DecompressionStream(format))));
}
async function compress(format, chunks) {
  return concat(await collect(fromChunks(chunks).pipeThrough(new CompressionStream(format))));
}

test('constructors: format is required and must be a CompressionFormat', () => {
  for (const C of [CompressionStream, DecompressionStream]) {
    assertThrows(() => new C(), TypeError, '1 argument required');
    assertThrows(() => new C('zip'), TypeError, 'not a valid enum value');
    assertThrows(() => new C('GZIP'), TypeError);
    assertThrows(() => new C(Symbol()), TypeError);
    assertThrows(() => new C('brotli'), TypeError, "'brotli' is not supported by edgeplay yet");
    for (const f of FORMATS) new C(f);
  }
});

test('GenericTransformStream: readable and writable, brand-checked', () => {
  const cs = new CompressionStream('gzip');
  assert(cs.readable instanceof ReadableStream);
  assert(cs.writable instanceof WritableStream);
  assertEquals(Object.prototype.toString.call(cs), '[object CompressionStream]');
  assertEquals(Object.prototype.toString.call(new DecompressionStream('gzip')), '[object DecompressionStream]');
  const get = Object.getOwnPropertyDescriptor(CompressionStream.prototype, 'readable').get;
  assertThrows(() => get.call({}), TypeError);
  assertThrows(() => get.call(new DecompressionStream('gzip')), TypeError);
});

test('decompresses vectors made by zlib, in one chunk and byte by byte', async () => {
  for (const f of FORMATS) {
    assertEquals(dec(await decompress(f, [vectors[f]])), 'hello world', f);
    const ones = [];
    for (let i = 0; i < vectors[f].length; i++) ones.push(vectors[f].subarray(i, i + 1));
    assertEquals(dec(await decompress(f, ones)), 'hello world', f + ' byte by byte');
  }
});

test('decompresses split at every byte (decompression-split-chunk)', async () => {
  for (const f of FORMATS) {
    const v = vectors[f];
    for (let i = 0; i <= v.length; i++) {
      assertEquals(dec(await decompress(f, [v.slice(0, i), v.slice(i)])), 'hello world', f + ' at ' + i);
    }
  }
});

test('decompresses the output of Go\'s writers', async () => {
  for (const f of FORMATS) {
    const out = await decompress(f, [goCompressed[f]]);
    assertEquals(out.length, goCorpus.length, f);
    assertEquals(out, goCorpus, f);
  }
});

test('round trip with every BufferSource type and empty chunks', async () => {
  const text = 'Hello, compression! '.repeat(50);
  const bytes = enc(text);
  const chunks = [bytes.subarray(0, 10), new Uint8Array(0), bytes.buffer.slice(10, 500), new DataView(bytes.buffer, 500, 100),
    new Uint16Array(bytes.buffer.slice(600, 800)), bytes.subarray(800)];
  for (const f of FORMATS) {
    const packed = await compress(f, chunks);
    assert(packed.length < bytes.length, f + ' compresses');
    assertEquals(dec(await decompress(f, [packed])), text, f);
  }
});

test('format headers: gzip magic, zlib CMF', async () => {
  const gz = await compress('gzip', [enc('x')]);
  assertEquals([gz[0], gz[1], gz[2]], [0x1f, 0x8b, 8]);
  const zl = await compress('deflate', [enc('x')]);
  assertEquals(zl[0] & 0x0f, 8);
  assertEquals(((zl[0] << 8) | zl[1]) % 31, 0);
});

test('empty input compresses to a valid empty stream', async () => {
  for (const f of FORMATS) {
    const packed = await compress(f, []);
    assert(packed.length > 0, f);
    assertEquals((await decompress(f, [packed])).length, 0, f);
  }
});

test('each written chunk yields output at once (streams, not buffers)', async () => {
  const cs = new CompressionStream('gzip');
  const ds = new DecompressionStream('gzip');
  const reader = cs.readable.pipeThrough(ds).getReader();
  const writer = cs.writable.getWriter();
  for (let i = 0; i < 3; i++) {
    writer.write(enc('part ' + i + ';'));
    const { value, done } = await reader.read();
    assertEquals(done, false);
    assertEquals(dec(value), 'part ' + i + ';');
  }
  writer.close();
  assertEquals((await reader.read()).done, true);
});

test('chunks that are not BufferSources error the stream (compression-bad-chunks)', async () => {
  for (const bad of [undefined, null, 'text', 42, [1, 2], {}]) {
    for (const C of [CompressionStream, DecompressionStream]) {
      const s = new C('gzip');
      const w = s.writable.getWriter();
      const r = s.readable.getReader();
      w.write(bad).catch(() => {});
      await assertRejects(r.read(), TypeError, 'ArrayBuffer or ArrayBufferView');
      await assertRejects(w.closed, TypeError);
    }
  }
});

test('corrupt input rejects with a TypeError (decompression-corrupt-input)', async () => {
  await assertRejects(decompress('gzip', [enc('this is not gzip data')]), TypeError, 'not valid');
  await assertRejects(decompress('deflate', [enc('nor zlib')]), TypeError, 'not valid');
  await assertRejects(decompress('deflate-raw', [new Uint8Array([0xff, 0xff, 0xff])]), TypeError, 'not valid');
  const badCRC = vectors.gzip.slice();
  badCRC[badCRC.length - 6] ^= 1;
  await assertRejects(decompress('gzip', [badCRC]), TypeError, 'not valid');
  const badAdler = vectors.deflate.slice();
  badAdler[badAdler.length - 1] ^= 1;
  await assertRejects(decompress('deflate', [badAdler]), TypeError, 'not valid');
  // Right data, wrong format.
  await assertRejects(decompress('deflate', [vectors.gzip]), TypeError);
  await assertRejects(decompress('gzip', [vectors.deflate]), TypeError);
});

test('truncated and empty input reject at the end (decompression-empty-input)', async () => {
  for (const f of FORMATS) {
    await assertRejects(decompress(f, []), TypeError, 'truncated');
    await assertRejects(decompress(f, [new Uint8Array(0)]), TypeError, 'truncated');
    const v = vectors[f];
    await assertRejects(decompress(f, [v.slice(0, v.length - 1)]), TypeError, 'truncated');
  }
});

test('truncated input: what was decoded is enqueued before the error', async () => {
  const packed = await compress('deflate-raw', [enc('first part')]);
  // Without the final block: the sync-flushed first chunk only.
  const cs = new CompressionStream('deflate-raw');
  const w = cs.writable.getWriter();
  w.write(enc('first part'));
  const first = (await cs.readable.getReader().read()).value;
  const r = fromChunks([first]).pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  assertEquals(dec((await r.read()).value), 'first part');
  await assertRejects(r.read(), TypeError, 'truncated');
  assert(packed.length > first.length);
});

test('data after the end: output first, then a TypeError (decompression-extra-input)', async () => {
  for (const f of FORMATS) {
    for (const chunks of [[concat([vectors[f], new Uint8Array([0])])], [vectors[f], new Uint8Array([1, 2, 3])]]) {
      const r = fromChunks(chunks).pipeThrough(new DecompressionStream(f)).getReader();
      assertEquals(dec((await r.read()).value), 'hello world', f);
      await assertRejects(r.read(), TypeError, 'Junk found after end');
    }
    // An empty chunk after the end is not extra data.
    assertEquals(dec(await decompress(f, [vectors[f], new Uint8Array(0)])), 'hello world');
  }
  // gzip: a second member is extra data.
  await assertRejects(decompress('gzip', [concat([vectors.gzip, vectors.gzip])]), TypeError, 'Junk');
});

test('cancelling the readable side releases the stream', async () => {
  const ds = new DecompressionStream('gzip');
  const w = ds.writable.getWriter();
  w.write(vectors.gzip.subarray(0, 12)).catch(() => {});
  await ds.readable.cancel('bye');
  await assertRejects(w.closed);
  const cs = new CompressionStream('gzip');
  await cs.readable.cancel();
});

test('Response body piped through CompressionStream', async () => {
  const body = new Response('stream me '.repeat(100)).body.pipeThrough(new CompressionStream('gzip'));
  const res = new Response(body);
  const packed = new Uint8Array(await res.arrayBuffer());
  assertEquals(dec(await decompress('gzip', [packed])), 'stream me '.repeat(100));
});
