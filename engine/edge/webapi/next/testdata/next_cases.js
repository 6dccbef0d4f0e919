// Cases run both by gen/gen_next.js against the real next/server (Next
// 16.4.6 under Node) — which writes next_expected.json — and by
// next_test.go against edgeplay's shim; each returns a JSON value and the
// two must be equal. env: { NextRequest, NextResponse, NextURL,
// userAgentFromString }.
const err = (fn) => { try { return { value: fn() }; } catch (e) { return { error: `${e.name}: ${e.message}` }; } };
const frozenNow = (fn) => {
  const now = Date.now;
  Date.now = () => 1700000000000;
  try { return fn(); } finally { Date.now = now; }
};
const headerList = (h) => { const out = []; h.forEach((v, k) => { if (k !== 'set-cookie') out.push([k, v]); }); return out.sort(); };
const urlParts = (u) => ({
  href: u.href, origin: u.origin, protocol: u.protocol, host: u.host, hostname: u.hostname, port: u.port,
  pathname: u.pathname, search: u.search, hash: u.hash, basePath: u.basePath, buildId: u.buildId === undefined ? '(undefined)' : u.buildId,
  locale: u.locale, defaultLocale: u.defaultLocale === undefined ? '(undefined)' : u.defaultLocale,
  locales: u.locales === undefined ? '(undefined)' : u.locales, domainLocale: u.domainLocale === undefined ? '(undefined)' : u.domainLocale,
  string: String(u), json: JSON.stringify({ u }), params: [...u.searchParams],
});

const nextCases = {
  'request: nextUrl parts': ({ NextRequest }) => urlParts(new NextRequest('https://example.com:8443/api/items/?q=a%20b&x=1#frag').nextUrl),
  'request: url normalised for 127.0.0.1': ({ NextRequest }) => {
    const r = new NextRequest('http://127.0.0.1:3000/api/x');
    return [r.url, r.nextUrl.host, r.nextUrl.href];
  },
  'request: url normalised for [::1]': ({ NextRequest }) => new NextRequest('http://[::1]:3000/a/').url,
  'request: _next/data path': ({ NextRequest }) => urlParts(new NextRequest('http://localhost/_next/data/BUILD123/blog/post.json?x=1').nextUrl),
  'request: _next/data index': ({ NextRequest }) => urlParts(new NextRequest('http://localhost/_next/data/B/index.json').nextUrl),
  'request: relative url throws': ({ NextRequest }) => err(() => new NextRequest('/relative')),
  'request: page and ua throw': ({ NextRequest }) => {
    const r = new NextRequest('http://localhost/');
    return [err(() => r.page), err(() => r.ua)];
  },
  'request: geo and ip are gone in Next 16': ({ NextRequest }) => {
    const r = new NextRequest('http://localhost/', { geo: { city: 'x' }, ip: '1.2.3.4' });
    return [r.geo === undefined, r.ip === undefined, 'geo' in r, 'ip' in r];
  },
  'request: from a Request': ({ NextRequest }) => {
    const r = new NextRequest(new Request('https://a.example/p?x=1', { method: 'POST', headers: { 'x-a': '1' } }));
    return [r.method, r.url, r.headers.get('x-a'), r instanceof Request];
  },
  'request: from a URL object': ({ NextRequest }) => new NextRequest(new URL('https://a.example/u')).url,
  'nextUrl: setters': ({ NextRequest }) => {
    const u = new NextRequest('https://example.com/a/b?x=1').nextUrl;
    u.pathname = '/c/d/';
    u.search = '?y=2';
    u.hash = 'h';
    u.port = '444';
    u.basePath = 'docs';
    return urlParts(u);
  },
  'nextUrl: trailing slash kept when the request had one': ({ NextRequest }) => {
    const u = new NextRequest('https://example.com/a/').nextUrl;
    const first = u.href;
    u.pathname = '/b';
    return [first, u.href];
  },
  'nextUrl: clone is independent': ({ NextRequest }) => {
    const u = new NextRequest('https://example.com/a?x=1').nextUrl;
    const c = u.clone();
    c.pathname = '/changed';
    c.searchParams.set('x', '2');
    return [u.href, c.href, c === u];
  },
  'nextUrl: href setter re-analyses': ({ NextRequest }) => {
    const u = new NextRequest('https://example.com/a').nextUrl;
    u.basePath = '/base';
    u.href = 'http://127.0.0.1:8080/z/?k=v';
    return urlParts(u);
  },
  'nextUrl: locale setter throws': ({ NextRequest }) => err(() => { new NextRequest('https://example.com/').nextUrl.locale = 'fr'; }),
  'nextUrl: buildId setter': ({ NextRequest }) => {
    const u = new NextRequest('https://example.com/blog/x').nextUrl;
    u.buildId = 'abc';
    const a = u.href;
    u.pathname = '/';
    return [a, u.href];
  },
  'NextURL: constructor forms': ({ NextURL }) => [
    String(new NextURL('/a', 'http://localhost:3000')),
    String(new NextURL('/b', new URL('http://x.example'))),
    String(new NextURL('/c', { base: 'http://y.example' })),
    String(new NextURL('http://h.example/docs/page', { nextConfig: { basePath: '/docs' } })),
    new NextURL('http://h.example/docs/page', { nextConfig: { basePath: '/docs' } }).pathname,
    new NextURL('http://h.example/docs/page', { nextConfig: { basePath: '/docs' } }).basePath,
    String(new NextURL('http://h.example/', { nextConfig: { trailingSlash: true } })),
  ],
  'request cookies: parse and read': ({ NextRequest }) => {
    const r = new NextRequest('http://localhost/', { headers: { cookie: 'a=1; b=hello%20world; flag; bad=%E0%A4%A; c=x=y' } });
    const c = r.cookies;
    return { size: c.size, a: c.get('a'), obj: c.get({ name: 'b' }), all: c.getAll(), allA: c.getAll('a'), has: [c.has('flag'), c.has('bad'), c.has('zz')], str: c.toString(), iter: [...c], missing: c.get('nope') === undefined };
  },
  'request cookies: set, delete, clear write the header': ({ NextRequest }) => {
    const r = new NextRequest('http://localhost/', { headers: { cookie: 'a=1; b=2' } });
    const out = [];
    r.cookies.set('c', 'a b;c');
    out.push(r.headers.get('cookie'));
    r.cookies.set({ name: 'a', value: '9' });
    out.push(r.headers.get('cookie'));
    out.push(r.cookies.delete('b'));
    out.push(r.cookies.delete(['a', 'nope']));
    out.push(r.headers.get('cookie'));
    r.cookies.clear();
    out.push(r.headers.get('cookie'), r.headers.has('cookie'), r.cookies.size);
    return out;
  },
  'request cookies: none': ({ NextRequest }) => {
    const r = new NextRequest('http://localhost/');
    return [r.cookies.size, r.cookies.getAll(), r.cookies.toString(), r.headers.has('cookie')];
  },
  'response cookies: serialisation': ({ NextResponse }) => frozenNow(() => {
    const r = new NextResponse('ok');
    r.cookies.set('theme', 'dark', { httpOnly: true, sameSite: 'lax' });
    r.cookies.set({ name: 'sid', value: 'a b', secure: true });
    r.cookies.set('all', 'v', { path: '/p', expires: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)), maxAge: 60, domain: 'example.com', secure: true, httpOnly: true, sameSite: 'strict', partitioned: true, priority: 'high' });
    r.cookies.set('num', 'n', { expires: 0 });
    r.cookies.set('numExpires', 'n', { expires: 1700000000000 });
    r.cookies.set('maxAgeZero', 'z', { maxAge: 0 });
    r.cookies.set('nopath', 'x', { path: '' });
    r.cookies.set('empty', '');
    r.cookies.set('unicode', 'é€😀');
    return { setCookie: r.headers.getSetCookie(), str: r.cookies.toString() };
  }),
  'response cookies: get, getAll, has': ({ NextResponse }) => frozenNow(() => {
    const r = new NextResponse(null);
    r.cookies.set('a', '1', { maxAge: 10 });
    r.cookies.set('b', '2');
    return { a: r.cookies.get('a'), b: r.cookies.get({ name: 'b' }), all: r.cookies.getAll(), onlyB: r.cookies.getAll('b'), has: [r.cookies.has('a'), r.cookies.has('c')], missing: r.cookies.get('c') === undefined };
  }),
  'response cookies: delete': ({ NextResponse }) => {
    const r = new NextResponse(null);
    r.cookies.set('a', '1');
    r.cookies.set('b', '2');
    const ret = r.cookies.delete('a');
    r.cookies.delete({ name: 'c', path: '/x', domain: 'd.example' });
    // (Next returns its unproxied ResponseCookies here, so ret !== r.cookies
    // there; edgeplay has no proxy and returns r.cookies itself.)
    return { chained: typeof ret.set, setCookie: r.headers.getSetCookie(), a: r.cookies.get('a') };
  },
  'response cookies: parsed from set-cookie headers': ({ NextResponse }) => {
    const h = new Headers();
    h.append('set-cookie', 'a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=0; Domain=x.example; Secure; HttpOnly; SameSite=Lax; Priority=HIGH; Partitioned');
    h.append('set-cookie', 'b=%20two; max-age=5; samesite=bogus');
    h.append('set-cookie', 'e=; Path=/');
    const r = new NextResponse(null, { headers: h });
    return { a: r.cookies.get('a'), b: r.cookies.get('b'), e: r.cookies.get('e'), names: r.cookies.getAll().map((c) => c.name), str: r.cookies.toString() };
  },
  'response cookies: set rewrites all set-cookie headers': ({ NextResponse }) => {
    const r = new NextResponse(null, { headers: [['set-cookie', 'x=1; Path=/a; HttpOnly'], ['set-cookie', 'y=2']] });
    r.cookies.set('z', '3');
    return r.headers.getSetCookie();
  },
  'response cookies: no size or iterator (as upstream)': ({ NextResponse }) => {
    const c = new NextResponse(null).cookies;
    return [c.size === undefined, typeof c[Symbol.iterator]];
  },
  'json': async ({ NextResponse }) => {
    const r = NextResponse.json({ ok: true, n: [1, 2] }, { status: 201, statusText: 'Made', headers: { 'x-a': 'b' } });
    return { status: r.status, statusText: r.statusText, headers: headerList(r.headers), body: await r.text(), isNext: r instanceof NextResponse, isResponse: r instanceof Response };
  },
  'json: with cookies set afterwards': ({ NextResponse }) => {
    const r = NextResponse.json(null);
    r.cookies.set('k', 'v');
    return [r.headers.getSetCookie(), r.headers.get('content-type')];
  },
  'redirect: default and allowed codes': ({ NextResponse }) => {
    const out = [];
    const r = NextResponse.redirect('https://example.com/a b');
    out.push([r.status, r.headers.get('location')]);
    for (const s of [301, 302, 303, 307, 308]) out.push(NextResponse.redirect(new URL('https://example.com/x'), s).status);
    const withInit = NextResponse.redirect('https://example.com/', { status: 308, headers: { 'x-extra': '1' } });
    out.push([withInit.status, withInit.headers.get('x-extra'), withInit.headers.get('location')]);
    out.push(NextResponse.redirect('https://example.com/', null).status);
    return out;
  },
  'redirect: invalid status': ({ NextResponse }) => [200, 304, 300, '307', 0].map((s) => err(() => NextResponse.redirect('https://example.com', s).status)),
  'redirect: relative url': ({ NextResponse }) => err(() => NextResponse.redirect('/login')),
  'redirect: NextURL': ({ NextResponse, NextRequest }) => {
    const u = new NextRequest('https://example.com/a').nextUrl.clone();
    u.pathname = '/b';
    return NextResponse.redirect(u).headers.get('location');
  },
  'rewrite and next': ({ NextResponse }) => {
    const rw = NextResponse.rewrite('https://example.com/x?y=1', { headers: { 'x-h': '1' } });
    const nx = NextResponse.next();
    const withReq = NextResponse.next({ request: { headers: new Headers({ 'x-user': 'u1', 'x-b': '2' }) } });
    return { rewrite: headerList(rw.headers), next: headerList(nx.headers), status: [rw.status, nx.status], withReq: headerList(withReq.headers), relative: err(() => NextResponse.rewrite('/x')), badReq: err(() => NextResponse.next({ request: { headers: { a: 'b' } } })) };
  },
  'constructor': async ({ NextResponse }) => {
    const r = new NextResponse('body', { status: 202, headers: { 'set-cookie': 'a=1' } });
    return [r.status, await r.text(), r.cookies.get('a'), r instanceof Response];
  },
};

if (typeof module !== 'undefined') module.exports = nextCases;
