const { NextRequest, NextResponse, userAgent } = globalThis[Symbol.for('edgeplay.next/server')];
test('NextRequest nextUrl and cookies', () => {
  const req = new NextRequest('http://localhost:3000/api/x?id=7', { headers: { cookie: 'a=1; b=hello%20world' } });
  assertEquals(req.nextUrl.pathname, '/api/x');
  assertEquals(req.nextUrl.searchParams.get('id'), '7');
  assertEquals(req.cookies.get('b'), { name: 'b', value: 'hello world' });
  assertEquals(req.cookies.has('a'), true);
  assertEquals(req.cookies.getAll().length, 2);
  req.cookies.set('c', '3');
  assertEquals(req.headers.get('cookie'), 'a=1; b=hello%20world; c=3');
  assert(req instanceof Request, 'NextRequest is a Request');
  assertThrows(() => req.page, Error, 'request.page has been deprecated');
  assertThrows(() => new NextRequest('/relative'), Error, 'URL is malformed "/relative". Please use only absolute URLs');
});
test('NextResponse.json', async () => {
  const r = NextResponse.json({ ok: true }, { status: 201 });
  assertEquals(r.status, 201);
  assertEquals(r.headers.get('content-type'), 'application/json');
  assertEquals(await r.json(), { ok: true });
  assert(r instanceof NextResponse && r instanceof Response);
});
test('NextResponse.redirect', () => {
  const r = NextResponse.redirect('https://example.com/a');
  assertEquals(r.status, 307);
  assertEquals(r.headers.get('location'), 'https://example.com/a');
  assertEquals(NextResponse.redirect(new URL('https://example.com'), 301).status, 301);
  assertThrows(() => NextResponse.redirect('https://example.com', 200), RangeError, 'Failed to execute "redirect" on "response": Invalid status code');
});
test('rewrite and next set the middleware headers', () => {
  assertEquals(NextResponse.rewrite('https://example.com/x').headers.get('x-middleware-rewrite'), 'https://example.com/x');
  assertEquals(NextResponse.next().headers.get('x-middleware-next'), '1');
});
test('response cookies serialise to set-cookie', () => {
  const r = new NextResponse('ok');
  r.cookies.set('theme', 'dark', { httpOnly: true, sameSite: 'lax' });
  r.cookies.set({ name: 'sid', value: 'a b', secure: true });
  assertEquals(r.headers.getSetCookie(), ['theme=dark; Path=/; HttpOnly; SameSite=lax', 'sid=a%20b; Path=/; Secure']);
  r.cookies.delete('theme');
  assertEquals(r.headers.getSetCookie()[0], 'theme=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  assertEquals(r.cookies.get('sid').value, 'a b');
});
test('userAgent', () => {
  const ua = userAgent({ headers: new Headers({ 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' }) });
  assertEquals(ua.browser.name, 'Chrome');
  assertEquals(ua.browser.major, '120');
  assertEquals(ua.os.name, 'Mac OS');
  assertEquals(ua.engine.name, 'Blink');
  assertEquals(ua.isBot, false);
  assertEquals(userAgent({ headers: new Headers({ 'user-agent': 'Googlebot/2.1' }) }).isBot, true);
});
