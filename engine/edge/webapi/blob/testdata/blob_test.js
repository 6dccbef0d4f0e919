// Blob and File: https://w3c.github.io/FileAPI/
const enc = (s) => new TextEncoder().encode(s);

test('constructor from parts', async () => {
  const b = new Blob(['a', enc('b'), enc('xcx').buffer.slice(1, 2), new Uint8Array([100, 101]).subarray(1), new Blob(['f'])]);
  assertEquals(b.size, 5);
  assertEquals(await b.text(), 'abcef');
  assertEquals(b.type, '');
  assertEquals(String(b), '[object Blob]');
});

test('strings are UTF-8, lone surrogates become U+FFFD', async () => {
  const b = new Blob(['é', '\ud800']);
  assertEquals(await b.bytes(), new Uint8Array([0xc3, 0xa9, 0xef, 0xbf, 0xbd]));
});

test('other values are converted to strings', async () => {
  assertEquals(await new Blob([1, null, { toString: () => 'x' }]).text(), '1nullx');
});

test('parts are copied', async () => {
  const u = new Uint8Array([1, 2]);
  const b = new Blob([u]);
  u[0] = 9;
  assertEquals(await b.bytes(), new Uint8Array([1, 2]));
  const out = await b.bytes();
  out[0] = 7;
  assertEquals(await b.bytes(), new Uint8Array([1, 2]), 'bytes() is a copy');
});

test('type is lower-cased; non-printable becomes empty', () => {
  assertEquals(new Blob([], { type: 'Text/HTML;Charset=UTF-8' }).type, 'text/html;charset=utf-8');
  assertEquals(new Blob([], { type: 'a\u00e9' }).type, '');
  assertEquals(new Blob([], { type: 'a\n' }).type, '');
});

test('endings', async () => {
  assertEquals(await new Blob(['a\r\nb\rc\nd']).text(), 'a\r\nb\rc\nd');
  assertEquals(await new Blob(['a\r\nb\rc\nd'], { endings: 'native' }).text(), 'a\nb\nc\nd');
  assertThrows(() => new Blob([], { endings: 'unix' }), TypeError, 'EndingType');
});

test('bad parts', () => {
  assertThrows(() => new Blob('abc'), TypeError);
  assertThrows(() => new Blob(5), TypeError);
  assertThrows(() => new Blob({}), TypeError, 'iterator');
  assertThrows(() => new Blob([], 5), TypeError);
});

test('iterable parts', async () => {
  const s = new Set(['a', 'b']);
  assertEquals(await new Blob(s).text(), 'ab');
});

test('slice', async () => {
  const b = new Blob(['hello world'], { type: 'text/plain' });
  assertEquals(await b.slice(0, 5).text(), 'hello');
  assertEquals(await b.slice(-5).text(), 'world');
  assertEquals(await b.slice(-5, -1).text(), 'worl');
  assertEquals(await b.slice(3, 1).text(), '');
  assertEquals(await b.slice(-100, 100).text(), 'hello world');
  assertEquals(b.slice().type, '', 'no contentType: empty');
  assertEquals(b.slice(0, 1, 'A/B').type, 'a/b');
  assertEquals(b.slice(6).size, 5);
  assertEquals(await b.slice(6).slice(1, 3).text(), 'or');
  assertEquals(await b.slice(1.9, 3.2).text(), 'el');
  assertEquals(await b.slice(NaN, 2).text(), 'he');
});

test('arrayBuffer and stream', async () => {
  const b = new Blob(['abc']);
  const ab = await b.arrayBuffer();
  assert(ab instanceof ArrayBuffer);
  assertEquals(new Uint8Array(ab), new Uint8Array([97, 98, 99]));
  const s = b.stream();
  assert(s instanceof ReadableStream);
  const r = s.getReader();
  const { value } = await r.read();
  assertEquals(value, new Uint8Array([97, 98, 99]));
  assertEquals((await r.read()).done, true);
});

test('text() removes a BOM and replaces invalid bytes', async () => {
  assertEquals(await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff])]).text(), 'a\ufffd');
});

test('File', async () => {
  const before = Date.now();
  const f = new File(['ab', 'c'], 'a/b.txt', { type: 'Text/Plain' });
  assert(f instanceof Blob);
  assert(f instanceof File);
  assertEquals(f.name, 'a/b.txt');
  assertEquals(f.type, 'text/plain');
  assertEquals(f.size, 3);
  assert(f.lastModified >= before && f.lastModified <= Date.now(), 'lastModified is now');
  assertEquals(new File([], 'x', { lastModified: 42 }).lastModified, 42);
  assertEquals(await f.text(), 'abc');
  assertEquals(String(f), '[object File]');
  assertEquals(f.slice(1) instanceof File, false, 'slice gives a Blob');
  assertThrows(() => new File(['a']), TypeError, '2 arguments required');
  assertEquals(new File([new File(['q'], 'q')], 'z').size, 1);
});

test('internals for structuredClone', async () => {
  const b = internals.makeBlob(new Uint8Array([1, 2, 3]), 'A/B');
  assertEquals(b.type, 'a/b');
  assertEquals(internals.blobParts(b), new Uint8Array([1, 2, 3]));
  assert(internals.isBlob(b) && !internals.isFile(b));
  const f = internals.makeFile(new Uint8Array([4]), 'n', 'x/y', 7);
  assert(internals.isFile(f) && f instanceof File);
  assertEquals([f.name, f.type, f.lastModified, f.size], ['n', 'x/y', 7, 1]);
  assertEquals(internals.isBlob({}), false);
  const c = structuredClone(new File(['zz'], 'c.txt', { type: 't/t', lastModified: 5 }));
  assertEquals([c.name, c.type, c.lastModified, await c.text()], ['c.txt', 't/t', 5, 'zz']);
});

test('Response and Request bodies', async () => {
  const r = new Response(new Blob(['hi'], { type: 'text/x' }));
  assertEquals(r.headers.get('content-type'), 'text/x');
  const b = await r.blob();
  assertEquals([b.type, await b.text()], ['text/x', 'hi']);
  assertEquals(new Response(new Blob(['x'])).headers.get('content-type'), null);
  const q = new Request('http://a/', { method: 'POST', body: new Blob(['abc']) });
  assertEquals(await q.text(), 'abc');
});
