// FormData: https://xhr.spec.whatwg.org/#interface-formdata
test('append, get, getAll, has, delete, set', () => {
  const f = new FormData();
  f.append('a', '1');
  f.append('b', '2');
  f.append('a', '3');
  assertEquals(f.get('a'), '1');
  assertEquals(f.getAll('a'), ['1', '3']);
  assertEquals(f.get('zz'), null);
  assertEquals(f.getAll('zz'), []);
  assert(f.has('b') && !f.has('B'), 'names are case-sensitive');
  f.set('a', '4');
  assertEquals([...f], [['a', '4'], ['b', '2']], 'set replaces the first, drops the rest');
  f.set('c', '5');
  assertEquals([...f.keys()], ['a', 'b', 'c']);
  f.delete('a');
  assertEquals([...f.values()], ['2', '5']);
  assertEquals(String(f), '[object FormData]');
});

test('values are USVStrings', () => {
  const f = new FormData();
  f.append('n', 1);
  f.append('\ud800', null);
  assertEquals([...f.entries()], [['n', '1'], ['\ufffd', 'null']]);
});

test('Blob values become Files named "blob"', async () => {
  const f = new FormData();
  f.append('b', new Blob(['x'], { type: 'text/x' }));
  const v = f.get('b');
  assert(v instanceof File);
  assertEquals([v.name, v.type, await v.text()], ['blob', 'text/x', 'x']);
  f.append('n', new Blob(['y']), 'named.txt');
  assertEquals(f.get('n').name, 'named.txt');
  const file = new File(['z'], 'orig', { lastModified: 9 });
  f.set('f', file);
  assert(f.get('f') === file, 'a File is kept as it is');
  f.set('g', file, 'renamed');
  assertEquals([f.get('g').name, f.get('g').lastModified], ['renamed', 9]);
  assertThrows(() => f.append('s', 'str', 'filename'), TypeError, 'Blob');
});

test('argument checks', () => {
  const f = new FormData();
  assertThrows(() => f.append('a'), TypeError, '2 arguments required');
  assertThrows(() => f.get(), TypeError);
  assertThrows(() => new FormData({}), TypeError, 'HTMLFormElement');
  assertThrows(() => f.forEach(1), TypeError);
});

test('forEach and live iteration', () => {
  const f = new FormData();
  f.append('a', '1');
  const seen = [];
  f.forEach(function (v, k, o) { seen.push([k, v, o === f, this.t]); }, { t: 'this' });
  assertEquals(seen, [['a', '1', true, 'this']]);
  const it = f.entries();
  f.append('b', '2');
  assertEquals(it.next().value, ['a', '1']);
  assertEquals(it.next().value, ['b', '2']);
  assertEquals(it.next().done, true);
  assertEquals(Object.prototype.toString.call(f.keys()), '[object FormData Iterator]');
});

test('multipart serialisation as a body', async () => {
  const f = new FormData();
  f.append('field', 'a\nb');
  f.append('q"uote', 'v');
  f.append('file', new File(['<x/>'], 'x"y.xml', { type: 'application/xml' }));
  f.append('untyped', new Blob(['raw']));
  const r = new Response(f);
  const ct = r.headers.get('content-type');
  const m = /^multipart\/form-data; boundary=(.+)$/.exec(ct);
  assert(m, 'content-type ' + ct);
  const b = m[1];
  assertEquals(await r.text(),
    `--${b}\r\nContent-Disposition: form-data; name="field"\r\n\r\na\r\nb\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="q%22uote"\r\n\r\nv\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x%22y.xml"\r\nContent-Type: application/xml\r\n\r\n<x/>\r\n` +
    `--${b}\r\nContent-Disposition: form-data; name="untyped"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\nraw\r\n` +
    `--${b}--\r\n`);
});

test('round trip through formData()', async () => {
  const f = new FormData();
  f.append('a', 'é');
  f.append('a', '2');
  f.append('bin', new File([new Uint8Array([0, 255, 13, 10])], 'b.bin', { type: 'application/octet-stream' }));
  f.append('na\r\nme', 'x');
  const g = await new Request('http://x/', { method: 'POST', body: f }).formData();
  assertEquals(g.getAll('a'), ['é', '2']);
  const bin = g.get('bin');
  assert(bin instanceof File);
  assertEquals([bin.name, bin.type], ['b.bin', 'application/octet-stream']);
  assertEquals(await bin.bytes(), new Uint8Array([0, 255, 13, 10]));
  assertEquals(g.get('na\r\nme'), 'x');
});

test('urlencoded formData()', async () => {
  const r = new Response('a=1&b=%C3%A9+x&a=2&&c&?d=4', { headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' } });
  const f = await r.formData();
  assertEquals([...f], [['a', '1'], ['b', 'é x'], ['a', '2'], ['c', ''], ['?d', '4']]);
  const p = await new Response(new URLSearchParams({ x: 'y z' })).formData();
  assertEquals(p.get('x'), 'y z');
});

test('formData() errors', async () => {
  await assertRejects(new Response('a=1').formData(), TypeError, 'Content-Type was not one of');
  await assertRejects(new Response('a=1', { headers: { 'content-type': 'application/json' } }).formData(), TypeError);
  await assertRejects(new Response('--x\r\n', { headers: { 'content-type': 'multipart/form-data; boundary=x' } }).formData(), TypeError, 'Failed to parse body as FormData');
  await assertRejects(new Response('', { headers: { 'content-type': 'multipart/form-data' } }).formData(), TypeError, 'no boundary');
  await assertRejects(new Response(null, { headers: { 'content-type': 'multipart/form-data; boundary=x' } }).formData(), TypeError);
});

test('a multipart body written by hand', async () => {
  const body = '--B\r\nContent-Disposition: form-data; name="t"; filename="t.txt"\r\n\r\nhello\r\n--B--\r\n';
  const f = await new Response(body, { headers: { 'content-type': 'multipart/form-data; boundary=B' } }).formData();
  const t = f.get('t');
  assertEquals([t.name, t.type, await t.text()], ['t.txt', 'text/plain', 'hello']);
});
