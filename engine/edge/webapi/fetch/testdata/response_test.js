// [Response]: https://fetch.spec.whatwg.org/#response-class
test('defaults', async () => {
  const r = new Response();
  assertEquals([r.status, r.statusText, r.ok, r.type, r.url, r.redirected, r.body, r.bodyUsed], [200, '', true, 'default', '', false, null, false]);
  assertEquals(await r.text(), '');
});

test('status range and statusText', () => {
  assertThrows(() => new Response('', { status: 199 }), RangeError, 'outside the range');
  assertThrows(() => new Response('', { status: 600 }), RangeError);
  assertThrows(() => new Response('', { status: 0 }), RangeError);
  assertEquals(new Response(null, { status: 599 }).status, 599);
  assertThrows(() => new Response('', { statusText: 'a\nb' }), TypeError, 'statusText');
  assertThrows(() => new Response('', { statusText: '\u0100' }), TypeError);
  assertEquals(new Response('', { status: 404, statusText: 'Nope' }).statusText, 'Nope');
  assertEquals(new Response('', { status: 404 }).ok, false);
});

test('null-body statuses reject a body', () => {
  for (const s of [204, 205, 304]) {
    assertThrows(() => new Response('x', { status: s }), TypeError, 'Invalid response status code');
    assertEquals(new Response(null, { status: s }).status, s);
    assertEquals(new Response('', { status: 200 }).status, 200);
  }
});

test('Response.error', () => {
  const r = Response.error();
  assertEquals([r.type, r.status, r.statusText, r.ok, r.body], ['error', 0, '', false, null]);
  assertThrows(() => r.headers.set('a', 'b'), TypeError);
});

test('Response.redirect', () => {
  const r = Response.redirect('http://a/b', 307);
  assertEquals([r.status, r.headers.get('location')], [307, 'http://a/b']);
  assertEquals(Response.redirect('http://a/').status, 302);
  for (const s of [200, 300, 304, 309]) assertThrows(() => Response.redirect('http://a/', s), RangeError, 'Invalid status code');
  assertThrows(() => Response.redirect('/rel'), TypeError, 'Failed to parse URL');
});

test('Response.json', async () => {
  const r = Response.json({ a: [1] }, { status: 201, headers: { x: 'y' } });
  assertEquals([r.status, r.headers.get('content-type'), r.headers.get('x')], [201, 'application/json', 'y']);
  assertEquals(await r.json(), { a: [1] });
  assertEquals(Response.json(1, { headers: { 'content-type': 'text/x' } }).headers.get('content-type'), 'text/x');
  assertThrows(() => Response.json(undefined), TypeError, 'JSON');
  assertThrows(() => Response.json(1n), TypeError);
});

test('body methods', async () => {
  assertEquals(await new Response('é').bytes(), new Uint8Array([0xc3, 0xa9]));
  assertEquals(new Uint8Array(await new Response(new Uint8Array([5]).buffer).arrayBuffer()), new Uint8Array([5]));
  const v = new DataView(new Uint8Array([1, 2, 3]).buffer, 1, 1);
  assertEquals(await new Response(v).bytes(), new Uint8Array([2]));
  assertEquals(await new Response('{"x":2}').json(), { x: 2 });
  await assertRejects(new Response('{').json(), SyntaxError);
  const b = await new Response('bb', { headers: { 'content-type': 'A/B' } }).blob();
  assertEquals([b.type, await b.text()], ['a/b', 'bb']);
  assertEquals(new Response('s').headers.get('content-type'), 'text/plain;charset=UTF-8');
});

test('bodyUsed and streams', async () => {
  const r = new Response('abc');
  const s = r.body;
  assert(s instanceof ReadableStream);
  assertEquals(r.bodyUsed, false);
  const reader = s.getReader();
  assertEquals(r.bodyUsed, true, 'locked counts as used');
  const { value } = await reader.read();
  assertEquals(new TextDecoder().decode(value), 'abc');
  await assertRejects(r.text(), TypeError, 'unusable');
  const locked = new ReadableStream();
  locked.getReader();
  assertThrows(() => new Response(locked), TypeError, 'disturbed or locked');
});

test('clone tees a stream body', async () => {
  let n = 0;
  const s = new ReadableStream({ pull(c) { if (n < 3) c.enqueue(new Uint8Array([n++])); else c.close(); } });
  const r = new Response(s, { status: 201, statusText: 'C', headers: { a: '1' } });
  const c = r.clone();
  assertEquals([c.status, c.statusText, c.headers.get('a')], [201, 'C', '1']);
  assertEquals(await c.bytes(), new Uint8Array([0, 1, 2]));
  assertEquals(await r.bytes(), new Uint8Array([0, 1, 2]));
  assertThrows(() => r.clone(), TypeError, 'consumed');
  const e = Response.error().clone();
  assertEquals([e.type, e.status], ['error', 0]);
});
