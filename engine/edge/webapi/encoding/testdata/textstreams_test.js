// TextEncoderStream / TextDecoderStream, after WPT encoding/streams/*.any.js.
function fromChunks(chunks) {
  return new ReadableStream({ start(c) { for (let i = 0; i < chunks.length; i++) c.enqueue(chunks[i]); c.close(); } });
}
async function collect(stream) {
  const r = stream.getReader();
  const out = [];
  for (;;) { const { done, value } = await r.read(); if (done) return out; out.push(value); }
}
const bytesOf = (arrays) => arrays.map((a) => Array.from(a));

test('TextDecoderStream attributes and labels', () => {
  const d = new TextDecoderStream();
  assertEquals([d.encoding, d.fatal, d.ignoreBOM], ['utf-8', false, false]);
  const d2 = new TextDecoderStream(' UTF-16 ', { fatal: true, ignoreBOM: true });
  assertEquals([d2.encoding, d2.fatal, d2.ignoreBOM], ['utf-16le', true, true]);
  assertEquals(new TextDecoderStream('latin1').encoding, 'windows-1252');
  assertThrows(() => new TextDecoderStream('nope'), RangeError, "'TextDecoderStream'");
  assertThrows(() => new TextDecoderStream('replacement'), RangeError);
  assertThrows(() => new TextDecoderStream('utf-8', 5), TypeError);
  assert(d.readable instanceof ReadableStream && d.writable instanceof WritableStream);
  assertEquals(Object.prototype.toString.call(d), '[object TextDecoderStream]');
  const get = Object.getOwnPropertyDescriptor(TextDecoderStream.prototype, 'encoding').get;
  assertThrows(() => get.call({}), TypeError);
});

test('multi-byte characters split across chunks, at every byte', async () => {
  const text = 'a€b😀cé' + String.fromCodePoint(0x10FFFF) + 'z';
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i <= bytes.length; i++) {
    for (let j = i; j <= bytes.length; j++) {
      const parts = await collect(fromChunks([bytes.slice(0, i), bytes.slice(i, j), bytes.slice(j)]).pipeThrough(new TextDecoderStream()));
      assertEquals(parts.join(''), text, 'split at ' + i + ',' + j);
      for (let k = 0; k < parts.length; k++) assert(parts[k].length > 0, 'no empty chunks');
    }
  }
  const ones = [];
  for (let i = 0; i < bytes.length; i++) ones.push(new Uint8Array([bytes[i]]));
  assertEquals((await collect(fromChunks(ones).pipeThrough(new TextDecoderStream()))).join(''), text);
});

test('UTF-16 code units and surrogate pairs split across chunks', async () => {
  const le = new Uint8Array([0x61, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0x62, 0x00]); // a😀b
  for (let i = 0; i <= le.length; i++) {
    const out = await collect(fromChunks([le.slice(0, i), le.slice(i)]).pipeThrough(new TextDecoderStream('utf-16le')));
    assertEquals(out.join(''), 'a😀b', 'split at ' + i);
  }
  const be = new Uint8Array([0xFE, 0xFF, 0x00, 0x61]);
  assertEquals((await collect(fromChunks([be.slice(0, 1), be.slice(1)]).pipeThrough(new TextDecoderStream('utf-16be')))).join(''), 'a');
});

test('BOM: removed once at the start, even split, unless ignoreBOM', async () => {
  const bom = [0xEF, 0xBB, 0xBF];
  const src = () => fromChunks([new Uint8Array([bom[0]]), new Uint8Array([bom[1], bom[2], 0x61]), new Uint8Array(bom)]);
  assertEquals((await collect(src().pipeThrough(new TextDecoderStream()))).join(''), 'a\uFEFF');
  assertEquals((await collect(src().pipeThrough(new TextDecoderStream('utf-8', { ignoreBOM: true })))).join(''), '\uFEFFa\uFEFF');
});

test('any BufferSource chunk; other chunks error the stream', async () => {
  const b = new TextEncoder().encode('hello');
  const out = await collect(fromChunks([b.buffer.slice(0, 1), new DataView(b.buffer, 1, 2), new Uint8Array(b.buffer, 3)]).pipeThrough(new TextDecoderStream()));
  assertEquals(out.join(''), 'hello');
  for (const bad of ['text', 1, null, undefined, {}]) {
    const r = fromChunks([bad]).pipeThrough(new TextDecoderStream()).getReader();
    await assertRejects(r.read(), TypeError, 'TextDecoderStream');
  }
});

test('invalid input: U+FFFD, or a TypeError when fatal; an unfinished sequence at the end', async () => {
  const chunks = () => [new Uint8Array([0x61, 0xF0, 0x9F]), new Uint8Array([0x62])];
  assertEquals((await collect(fromChunks(chunks()).pipeThrough(new TextDecoderStream()))).join(''), 'a\uFFFDb');
  await assertRejects(collect(fromChunks(chunks()).pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))), TypeError, 'not valid');
  // A sequence cut off by the end of the stream: flush emits U+FFFD ...
  assertEquals((await collect(fromChunks([new Uint8Array([0x61, 0xE2, 0x82])]).pipeThrough(new TextDecoderStream()))).join(''), 'a\uFFFD');
  // ... or errors when fatal, after 'a' has been enqueued.
  const r = fromChunks([new Uint8Array([0x61, 0xE2, 0x82])]).pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  assertEquals((await r.read()).value, 'a');
  await assertRejects(r.read(), TypeError, 'TextDecoderStream');
});

test('TextEncoderStream: encoding, strings to UTF-8 chunks, empty chunks skipped', async () => {
  const e = new TextEncoderStream();
  assertEquals(e.encoding, 'utf-8');
  assertEquals(Object.prototype.toString.call(e), '[object TextEncoderStream]');
  const out = await collect(fromChunks(['a€', '', 42, '😀']).pipeThrough(new TextEncoderStream()));
  assertEquals(bytesOf(out), [[0x61, 0xE2, 0x82, 0xAC], [0x34, 0x32], [0xF0, 0x9F, 0x98, 0x80]]);
  for (let i = 0; i < out.length; i++) assert(out[i] instanceof Uint8Array);
  await assertRejects(collect(fromChunks([Symbol()]).pipeThrough(new TextEncoderStream())), TypeError);
});

test('TextEncoderStream: a surrogate pair split across chunks (encode-utf8)', async () => {
  const hi = '\uD83D', lo = '\uDE00';
  let out = await collect(fromChunks(['a' + hi, lo + 'b']).pipeThrough(new TextEncoderStream()));
  assertEquals(bytesOf(out), [[0x61], [0xF0, 0x9F, 0x98, 0x80, 0x62]]);
  out = await collect(fromChunks([hi, lo]).pipeThrough(new TextEncoderStream()));
  assertEquals(bytesOf(out), [[0xF0, 0x9F, 0x98, 0x80]]);
  // Lone surrogates: U+FFFD; one waiting at the end is flushed as U+FFFD.
  out = await collect(fromChunks([hi, hi, 'x', lo, hi]).pipeThrough(new TextEncoderStream()));
  assertEquals(bytesOf(out), [[0xEF, 0xBF, 0xBD], [0xEF, 0xBF, 0xBD, 0x78], [0xEF, 0xBF, 0xBD], [0xEF, 0xBF, 0xBD]]);
  out = await collect(fromChunks([hi, '']).pipeThrough(new TextEncoderStream()));
  assertEquals(bytesOf(out), [[0xEF, 0xBF, 0xBD]]);
});

test('round trip through both, and as a Response body', async () => {
  const text = 'stream ✓ 😀 '.repeat(20);
  const body = fromChunks([text.slice(0, 7), text.slice(7, 8), text.slice(8)]).pipeThrough(new TextEncoderStream());
  const res = new Response(body);
  assertEquals(await res.text(), text);
  const back = await collect(new Response(text).body.pipeThrough(new TextDecoderStream()));
  assertEquals(back.join(''), text);
});
