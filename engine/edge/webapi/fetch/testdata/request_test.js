// [Request]: https://fetch.spec.whatwg.org/#request-class
test('defaults', () => {
  const r = new Request('https://example.com/a?b#c');
  assertEquals(r.url, 'https://example.com/a?b#c');
  assertEquals(r.method, 'GET');
  assertEquals([r.mode, r.credentials, r.cache, r.redirect, r.referrer, r.referrerPolicy, r.integrity, r.keepalive, r.destination, r.duplex],
    ['cors', 'same-origin', 'default', 'follow', 'about:client', '', '', false, '', 'half']);
  assert(r.signal instanceof AbortSignal && !r.signal.aborted);
  assertEquals(r.body, null);
  assertEquals(r.bodyUsed, false);
});

test('init properties', () => {
  const r = new Request('http://a/', { mode: 'same-origin', credentials: 'include', cache: 'no-store', redirect: 'manual',
    referrer: '', referrerPolicy: 'no-referrer', integrity: 'sha256-x', keepalive: true });
  assertEquals([r.mode, r.credentials, r.cache, r.redirect, r.referrer, r.referrerPolicy, r.integrity, r.keepalive],
    ['same-origin', 'include', 'no-store', 'manual', '', 'no-referrer', 'sha256-x', true]);
  assertEquals(new Request('http://a/', { referrer: 'http://b/x' }).referrer, 'http://b/x');
  const copy = new Request(r);
  assertEquals([copy.mode, copy.cache, copy.redirect, copy.keepalive], ['same-origin', 'no-store', 'manual', true]);
  assertThrows(() => new Request('http://a/', { mode: 'navigate' }), TypeError, 'navigate');
  assertThrows(() => new Request('http://a/', { mode: 'x' }), TypeError, 'RequestMode');
  assertThrows(() => new Request('http://a/', { cache: 'only-if-cached' }), TypeError, 'same-origin');
  assertThrows(() => new Request('http://a/', { redirect: 'nope' }), TypeError, 'RequestRedirect');
  assertThrows(() => new Request('http://a/', { credentials: 'all' }), TypeError);
  assertThrows(() => new Request('http://a/', { duplex: 'full' }), TypeError, 'RequestDuplex');
  assertThrows(() => new Request('http://a/', { method: 'PUT', mode: 'no-cors' }), TypeError, 'no-cors');
});

test('method normalisation and forbidden methods', () => {
  assertEquals(new Request('http://a/', { method: 'post' }).method, 'POST');
  assertEquals(new Request('http://a/', { method: 'patch' }).method, 'patch', 'patch is not normalised');
  assertEquals(new Request('http://a/', { method: 'Delete' }).method, 'DELETE');
  for (const m of ['CONNECT', 'trace', 'Track']) assertThrows(() => new Request('http://a/', { method: m }), TypeError, 'unsupported');
  assertThrows(() => new Request('http://a/', { method: 'a b' }), TypeError, 'not a valid HTTP method');
});

test('GET/HEAD with a body', () => {
  assertThrows(() => new Request('http://a/', { body: 'x' }), TypeError, 'GET/HEAD');
  assertThrows(() => new Request('http://a/', { method: 'HEAD', body: 'x' }), TypeError);
  new Request('http://a/', { body: null });
});

test('bad URLs', () => {
  assertThrows(() => new Request('/relative'), TypeError, 'Failed to parse URL');
  assertThrows(() => new Request('http://u:p@a/'), TypeError, 'credentials');
  assertThrows(() => new Request(), TypeError);
});

test('bodies and content-type', async () => {
  const r = new Request('http://a/', { method: 'POST', body: 'hi' });
  assertEquals(r.headers.get('content-type'), 'text/plain;charset=UTF-8');
  assertEquals(await r.text(), 'hi');
  assertEquals(r.bodyUsed, true);
  await assertRejects(r.text(), TypeError, 'unusable');
  const p = new Request('http://a/', { method: 'POST', body: new URLSearchParams('a=1') });
  assertEquals(p.headers.get('content-type'), 'application/x-www-form-urlencoded;charset=UTF-8');
  const b = new Request('http://a/', { method: 'PUT', body: new Uint8Array([1, 2]), headers: { 'content-type': 'x/y' } });
  assertEquals(b.headers.get('content-type'), 'x/y');
  assertEquals(await b.bytes(), new Uint8Array([1, 2]));
  const j = new Request('http://a/', { method: 'POST', body: '{"a":1}' });
  assertEquals(await j.json(), { a: 1 });
  const ab = await new Request('http://a/', { method: 'POST', body: 'abc' }).arrayBuffer();
  assertEquals(new Uint8Array(ab), new Uint8Array([97, 98, 99]));
  const bl = await new Request('http://a/', { method: 'POST', body: 'abc', headers: { 'content-type': 'Text/X' } }).blob();
  assertEquals([bl.type, bl.size], ['text/x', 3]);
});

test('a stream body without duplex is accepted (as in Next)', async () => {
  const s = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('st')); c.close(); } });
  const r = new Request('http://a/', { method: 'POST', body: s });
  assertEquals(await r.text(), 'st');
  const s2 = new ReadableStream();
  assertThrows(() => new Request('http://a/', { method: 'POST', body: s2, keepalive: true }), TypeError, 'keepalive');
});

test('a null body is never used', async () => {
  const r = new Request('http://a/');
  assertEquals(await r.text(), '');
  assertEquals(r.bodyUsed, false);
  assertEquals(await r.text(), '');
});

test('clone tees the body', async () => {
  const s = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('tee')); c.close(); } });
  const r = new Request('http://a/', { method: 'POST', body: s, headers: { a: '1' } });
  const c = r.clone();
  c.headers.set('a', '2');
  assertEquals(r.headers.get('a'), '1');
  assertEquals(await c.text(), 'tee');
  assertEquals(await r.text(), 'tee');
  assertThrows(() => r.clone(), TypeError, 'consumed');
});

test('new Request(request) takes the body', async () => {
  const r = new Request('http://a/', { method: 'POST', body: 'x' });
  const r2 = new Request(r);
  assertEquals(r.bodyUsed, true);
  assertEquals(await r2.text(), 'x');
  assertThrows(() => new Request(r), TypeError, 'already been used');
  const r3 = new Request(new Request('http://a/', { method: 'POST', body: 'y' }), { method: 'PUT' });
  assertEquals(r3.method, 'PUT');
});

test('signal follows the given one', () => {
  const ac = new AbortController();
  const r = new Request('http://a/', { signal: ac.signal });
  assert(r.signal !== ac.signal);
  assertEquals(r.signal.aborted, false);
  const c = r.clone();
  ac.abort('why');
  assertEquals([r.signal.aborted, r.signal.reason, c.signal.aborted], [true, 'why', true]);
  assertThrows(() => new Request('http://a/', { signal: {} }), TypeError, 'AbortSignal');
  const none = new Request(r, { signal: null });
  assertEquals(none.signal.aborted, false, 'signal: null drops the input signal');
});
