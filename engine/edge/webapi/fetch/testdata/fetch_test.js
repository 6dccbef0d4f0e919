// fetch() against the Go test server at SERVER (fetch_test.go).
const enc = (s) => new TextEncoder().encode(s);
const dec = (u) => new TextDecoder().decode(u);

test('GET: status, headers, url, type, default headers', async () => {
  const r = await fetch(SERVER + '/echo?x=1#frag');
  assertEquals([r.status, r.statusText, r.ok, r.type, r.redirected], [200, 'OK', true, 'basic', false]);
  assertEquals(r.url, SERVER + '/echo?x=1', 'url without the fragment');
  assertEquals(r.headers.get('content-type'), 'application/json');
  assertThrows(() => r.headers.set('a', 'b'), TypeError, 'immutable');
  const j = await r.json();
  assertEquals(j.method, 'GET');
  assertEquals(j.url, '/echo?x=1');
  assertEquals(j.headers['user-agent'], 'Next.js Middleware');
  assertEquals(j.headers.accept, '*/*');
});

test('method, headers and a string body', async () => {
  const r = await fetch(SERVER + '/echo', { method: 'post', headers: { 'X-One': 'a', 'user-agent': 'mine' }, body: 'héllo' });
  const j = await r.json();
  assertEquals([j.method, j.body, j.headers['x-one'], j.headers['user-agent'], j.headers['content-type'], j.length],
    ['POST', 'héllo', 'a', 'mine', 'text/plain;charset=UTF-8', 6]);
});

test('bodies: bytes, views, Blob, URLSearchParams, FormData', async () => {
  const send = async (body, init) => (await fetch(SERVER + '/echo', { method: 'PUT', body, ...init })).json();
  assertEquals((await send(new Uint8Array([104, 105]))).body, 'hi');
  assertEquals((await send(new Uint8Array([0, 104, 105, 0]).subarray(1, 3))).body, 'hi');
  assertEquals((await send(enc('ab').buffer)).body, 'ab');
  const bj = await send(new Blob(['blob!'], { type: 'text/x' }));
  assertEquals([bj.body, bj.headers['content-type']], ['blob!', 'text/x']);
  const pj = await send(new URLSearchParams({ a: '1 2' }));
  assertEquals([pj.body, pj.headers['content-type']], ['a=1+2', 'application/x-www-form-urlencoded;charset=UTF-8']);
  const f = new FormData();
  f.append('k', 'v');
  f.append('file', new File(['data'], 'd.txt', { type: 'text/plain' }));
  const fj = await send(f);
  assert(fj.headers['content-type'].startsWith('multipart/form-data; boundary='), fj.headers['content-type']);
  const back = await new Response(fj.body, { headers: { 'content-type': fj.headers['content-type'] } }).formData();
  assertEquals(back.get('k'), 'v');
  assertEquals(await back.get('file').text(), 'data');
});

test('a Request object as input', async () => {
  const req = new Request(SERVER + '/echo', { method: 'POST', body: 'from request', headers: { 'x-r': '1' } });
  const j = await (await fetch(req)).json();
  assertEquals([j.method, j.body, j.headers['x-r']], ['POST', 'from request', '1']);
  assert(req.bodyUsed, 'fetch consumes the request body');
  await assertRejects(fetch(req), TypeError);
});

test('a streamed request body is sent chunk by chunk', async () => {
  // The server reads the first byte and opens a gate; the stream gives
  // its second chunk only once the gate is open, so the first chunk must
  // have crossed the network while the body was still open.
  let step = 0;
  const body = new ReadableStream({
    async pull(c) {
      if (step === 0) { step++; c.enqueue(enc('a')); return; }
      if (step === 1) {
        step++;
        const w = await (await fetch(SERVER + '/wait?name=uploaded-first')).text();
        c.enqueue(enc('b-' + w));
        return;
      }
      c.close();
    },
  });
  const r = await fetch(SERVER + '/upload-lockstep', { method: 'POST', body, duplex: 'half' });
  assertEquals(await r.text(), 'ab-opened|chunked=true');
});

test('an upload the server refuses errors the stream, not the response', async () => {
  let pulls = 0;
  const body = new ReadableStream({ pull(c) { pulls++; c.enqueue(new Uint8Array(64 * 1024)); if (pulls > 2000) c.close(); } });
  const r = await fetch(SERVER + '/reject-body', { method: 'POST', body });
  assertEquals(r.status, 413);
  assertEquals(await r.text(), 'too large');
});

test('a stream body with non-bytes chunks fails', async () => {
  const body = new ReadableStream({ start(c) { c.enqueue('text'); c.close(); } });
  const r = await fetch(SERVER + '/echo', { method: 'POST', body }).catch((e) => e);
  // The server may answer before or after the upload breaks off.
  assert(r instanceof TypeError || r.status === 200 || r.status === 400, String(r));
});

test('the response body streams as the network delivers it', async () => {
  const r = await fetch(SERVER + '/lockstep?name=ls1');
  const reader = r.body.getReader();
  const first = await reader.read();
  assertEquals(dec(first.value), 'one', 'first chunk before the server sends the rest');
  await fetch(SERVER + '/open?name=ls1');
  let rest = '';
  for (;;) {
    const x = await reader.read();
    if (x.done) break;
    rest += dec(x.value);
  }
  assertEquals(rest, 'two');
});

test('slow chunked bodies arrive in pieces', async () => {
  const r = await fetch(SERVER + '/chunks?n=4&ms=20');
  const reader = r.body.getReader();
  const got = [];
  for (;;) {
    const x = await reader.read();
    if (x.done) break;
    got.push(dec(x.value));
  }
  assertEquals(got.join(''), 'chunk 0\nchunk 1\nchunk 2\nchunk 3\n');
  assert(got.length >= 2, 'more than one chunk: ' + JSON.stringify(got));
});

test('text(), arrayBuffer(), blob() of a network body', async () => {
  assertEquals(await (await fetch(SERVER + '/chunks?n=2&ms=1')).text(), 'chunk 0\nchunk 1\n');
  const ab = await (await fetch(SERVER + '/chunks?n=1&ms=0')).arrayBuffer();
  assertEquals(dec(new Uint8Array(ab)), 'chunk 0\n');
  const b = await (await fetch(SERVER + '/echo')).blob();
  assertEquals(b.type, 'application/json');
  const r = await fetch(SERVER + '/echo');
  await r.text();
  assertEquals(r.bodyUsed, true);
  await assertRejects(r.text(), TypeError, 'unusable');
});

test('clone() of a network response', async () => {
  const r = await fetch(SERVER + '/chunks?n=3&ms=5');
  const c = r.clone();
  assertEquals([c.status, c.url, c.type], [200, r.url, 'basic']);
  assertThrows(() => c.headers.set('a', 'b'), TypeError);
  const [a, b] = await Promise.all([r.text(), c.text()]);
  assertEquals(a, b);
  assertEquals(a, 'chunk 0\nchunk 1\nchunk 2\n');
});

test('multiple set-cookie and combined headers', async () => {
  const r = await fetch(SERVER + '/cookies');
  assertEquals(r.headers.getSetCookie(), ['a=1; Path=/', 'b=2, c=3']);
  assertEquals(r.headers.get('x-multi'), 'x, y');
  const names = [...r.headers.keys()];
  assertEquals(names.filter((n) => n === 'set-cookie').length, 2);
});

test('null-body statuses and HEAD have a null body', async () => {
  const r = await fetch(SERVER + '/status?code=204');
  assertEquals([r.status, r.body], [204, null]);
  const h = await fetch(SERVER + '/echo', { method: 'HEAD' });
  assertEquals([h.status, h.body], [200, null]);
  assertEquals(await h.text(), '');
  const e = await fetch(SERVER + '/status?code=503');
  assertEquals([e.status, e.statusText, e.ok, await e.text()], [503, 'Service Unavailable', false, 'body']);
  const odd = await fetch(SERVER + '/status?code=599');
  assertEquals(odd.status, 599);
});

test('redirect: follow', async () => {
  const r = await fetch(SERVER + '/redirect?n=2');
  assertEquals([r.status, r.redirected, r.url], [200, true, SERVER + '/echo']);
  assertEquals((await r.json()).method, 'GET');
  const post = await fetch(SERVER + '/redirect?n=0&status=303', { method: 'POST', body: 'x' });
  assertEquals((await post.json()).method, 'GET', '303 turns POST into GET');
  const keep = await fetch(SERVER + '/redirect?n=0&status=307', { method: 'POST', body: 'kept' });
  const kj = await keep.json();
  assertEquals([kj.method, kj.body], ['POST', 'kept'], '307 keeps method and body');
});

test('redirect: 20 is the limit', async () => {
  const ok = await fetch(SERVER + '/redirect?n=19');
  assertEquals([ok.status, ok.redirected], [200, true]);
  const e = await assertRejects(fetch(SERVER + '/redirect?n=20'), TypeError, 'fetch failed');
  assertEquals(e.cause.message, 'redirect count exceeded');
});

test('redirect: error and manual', async () => {
  const e = await assertRejects(fetch(SERVER + '/redirect?n=0', { redirect: 'error' }), TypeError, 'fetch failed');
  assertEquals(e.cause.message, 'unexpected redirect');
  const m = await fetch(SERVER + '/redirect?n=0&status=301', { redirect: 'manual' });
  assertEquals([m.status, m.redirected, m.headers.get('location'), m.url], [301, false, '/echo', SERVER + '/redirect?n=0&status=301']);
});

test('relative URLs: Next\'s message', async () => {
  const e = await assertRejects(fetch('/api/x'), TypeError);
  assertEquals(e.message, 'URL is malformed "/api/x". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls');
  await assertRejects(fetch(''), TypeError, 'URL is malformed ""');
});

test('schemes other than http(s) and data fail', async () => {
  const e = await assertRejects(fetch('file:///etc/passwd'), TypeError, 'fetch failed');
  assert(e.cause.message.includes('"file"'), e.cause.message);
  await assertRejects(fetch('ftp://x/'), TypeError, 'fetch failed');
  await assertRejects(fetch('about:blank'), TypeError, 'fetch failed');
});

test('data: URLs', async () => {
  const r = await fetch('data:text/plain;charset=utf-8,hello%20world');
  assertEquals([r.status, r.statusText, r.headers.get('content-type'), await r.text()], [200, 'OK', 'text/plain;charset=utf-8', 'hello world']);
  const b = await fetch('data:application/octet-stream;base64,AAEC/w==');
  assertEquals(await b.bytes(), new Uint8Array([0, 1, 2, 255]));
  const d = await fetch('data:,x');
  assertEquals(d.headers.get('content-type'), 'text/plain;charset=US-ASCII');
  await assertRejects(fetch('data:nocomma'), TypeError, 'fetch failed');
});

test('network errors: TypeError("fetch failed") with the cause', async () => {
  // A port nobody listens on: take one from a server that just closed is
  // racy; port 1 on loopback refuses.
  const e = await assertRejects(fetch('http://127.0.0.1:1/'), TypeError, 'fetch failed');
  assert(e.cause instanceof Error, 'cause is an Error');
  assertEquals(e.cause.code, 'ECONNREFUSED');
  assert(e.cause.message.includes('connection refused'), e.cause.message);
});

test('an aborted signal rejects before sending', async () => {
  const e = await assertRejects(fetch(SERVER + '/echo', { signal: AbortSignal.abort() }), DOMException);
  assertEquals(e.name, 'AbortError');
  const c = await assertRejects(fetch(SERVER + '/echo', { signal: AbortSignal.abort('mine') }));
  assertEquals(c, 'mine');
});

test('abort while waiting for the head (a server that never answers)', async () => {
  const ac = new AbortController();
  const p = fetch(SERVER + '/hang?name=abort-head', { signal: ac.signal });
  await (await fetch(SERVER + '/echo')).text(); // let the request reach the server
  setTimeout(() => ac.abort(), 20);
  const e = await assertRejects(p, DOMException);
  assertEquals(e.name, 'AbortError');
  assertEquals(await (await fetch(SERVER + '/cancelled?name=abort-head')).text(), 'yes', 'the Go request was cancelled');
});

test('abort with a reason, and AbortSignal.timeout', async () => {
  const ac = new AbortController();
  const p = fetch(SERVER + '/hang?name=abort-reason', { signal: ac.signal });
  ac.abort(new RangeError('custom'));
  const e = await assertRejects(p, RangeError, 'custom');
  const t = await assertRejects(fetch(SERVER + '/hang?name=abort-timeout', { signal: AbortSignal.timeout(30) }), DOMException);
  assertEquals(t.name, 'TimeoutError');
});

test('abort mid-body errors the body stream', async () => {
  const ac = new AbortController();
  const r = await fetch(SERVER + '/slowbody?name=abort-body', { signal: ac.signal });
  const reader = r.body.getReader();
  assertEquals(dec((await reader.read()).value), 'first');
  const pending = reader.read();
  ac.abort();
  const e = await assertRejects(pending, DOMException);
  assertEquals(e.name, 'AbortError');
  assertEquals(await (await fetch(SERVER + '/cancelled?name=abort-body')).text(), 'yes');
});

test('abort after the body was read does nothing', async () => {
  const ac = new AbortController();
  const r = await fetch(SERVER + '/echo', { signal: ac.signal });
  const j = await r.json();
  ac.abort();
  assertEquals(j.method, 'GET');
});

test('cancelling the body stream cancels the request', async () => {
  const r = await fetch(SERVER + '/slowbody?name=cancel-body');
  const reader = r.body.getReader();
  await reader.read();
  await reader.cancel('done with it');
  assertEquals(await (await fetch(SERVER + '/cancelled?name=cancel-body')).text(), 'yes');
});

test('forwarding a response body through a Response', async () => {
  const up = await fetch(SERVER + '/chunks?n=3&ms=1');
  const r = new Response(up.body, { headers: { 'x-proxied': '1' } });
  assertEquals(await r.text(), 'chunk 0\nchunk 1\nchunk 2\n');
});

test('a fetched body as the body of another fetch', async () => {
  const up = await fetch(SERVER + '/chunks?n=2&ms=1');
  const j = await (await fetch(SERVER + '/echo', { method: 'POST', body: up.body })).json();
  assertEquals([j.body, j.chunked], ['chunk 0\nchunk 1\n', true]);
});

test('fetch is a global with the right shape', () => {
  assertEquals(typeof fetch, 'function');
  assertEquals(fetch.length, 1);
  assertEquals(Object.getOwnPropertyDescriptor(globalThis, 'fetch').enumerable, false);
});

test('integrity is not supported: it fails loudly', async () => {
  const e = await assertRejects(fetch(SERVER + '/echo', { integrity: 'sha256-abc' }), DOMException, 'integrity');
  assertEquals(e.name, 'NotSupportedError');
});
