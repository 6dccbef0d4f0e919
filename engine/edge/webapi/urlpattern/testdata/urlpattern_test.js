// URLPattern: the API surface (WPT's table is run by TestWPT).
test('constructor from a string, with a base URL, or an init dict', () => {
  const p = new URLPattern('https://example.com/books/:id');
  assertEquals([p.protocol, p.username, p.password, p.hostname, p.port, p.pathname, p.search, p.hash],
    ['https', '*', '*', 'example.com', '', '/books/:id', '*', '*']);
  const b = new URLPattern('/books/:id', 'https://example.com');
  assertEquals([b.protocol, b.hostname, b.pathname], ['https', 'example.com', '/books/:id']);
  const d = new URLPattern({ pathname: '/books/:id(\\d+)' });
  assertEquals([d.protocol, d.hostname, d.pathname], ['*', '*', '/books/:id(\\d+)']);
  const empty = new URLPattern();
  assertEquals(empty.pathname, '*');
  assert(empty.test('https://anything/at/all'));
  const withBase = new URLPattern({ pathname: '/x', baseURL: 'https://a.com' });
  assertEquals([withBase.protocol, withBase.hostname], ['https', 'a.com']);
  assertThrows(() => new URLPattern('/relative'), TypeError);
  assertThrows(() => new URLPattern({ pathname: '/x' }, 'https://base'), TypeError, 'baseURL');
  assertThrows(() => new URLPattern('https://example.com/:id(('), TypeError);
  assertThrows(() => new URLPattern({ pathname: '/:a/:a' }), TypeError);
  assertEquals(Object.prototype.toString.call(p), '[object URLPattern]');
});
test('test() and exec() with groups', () => {
  const p = new URLPattern({ pathname: '/books/:id(\\d+)' });
  assertEquals([p.test('https://x.com/books/42'), p.test('https://x.com/books/abc')], [true, false]);
  const r = p.exec('https://x.com/books/42?q=1#top');
  assertEquals(r.pathname, { input: '/books/42', groups: { id: '42' } });
  assertEquals(r.search, { input: 'q=1', groups: { 0: 'q=1' } });
  assertEquals(r.hash, { input: 'top', groups: { 0: 'top' } });
  assertEquals(r.hostname, { input: 'x.com', groups: { 0: 'x.com' } });
  assertEquals(r.inputs, ['https://x.com/books/42?q=1#top']);
  assertEquals(p.exec('https://x.com/books/abc'), null);
  // The recorded next dev answer of projects/surface (api/urlpattern).
  const q = new URLPattern('https://example.com/:lang/*');
  assertEquals(q.exec('https://example.com/en/a/b').pathname.groups, { lang: 'en', 0: 'a/b' });
  // Base URLs and init inputs.
  assert(p.test('/books/7', 'https://x.com'));
  assertEquals(p.exec('/books/7', 'https://x.com').inputs, ['/books/7', 'https://x.com']);
  const ri = p.exec({ pathname: '/books/9' });
  assertEquals([ri.pathname.groups.id, ri.inputs], ['9', [{ pathname: '/books/9' }]]);
  assertThrows(() => p.exec({ pathname: '/books/9' }, 'https://x.com'), TypeError);
  assertThrows(() => p.test({ pathname: '/books/9' }, 'https://x.com'), TypeError);
  // A string that is not a URL does not match.
  assertEquals([p.test('not a url'), p.exec('not a url')], [false, null]);
});
test('optional groups that do not match are undefined', () => {
  const p = new URLPattern({ pathname: '/product/:id/:tab?' });
  const r = p.exec({ pathname: '/product/5' });
  assert('tab' in r.pathname.groups, 'the group is listed');
  assertEquals(r.pathname.groups.tab, undefined);
  assertEquals(r.pathname.groups.id, '5');
  assertEquals(p.exec({ pathname: '/product/5/reviews' }).pathname.groups, { id: '5', tab: 'reviews' });
});
test('ignoreCase and hasRegExpGroups', () => {
  const p = new URLPattern({ pathname: '/Books/:id' }, { ignoreCase: true });
  assert(p.test({ pathname: '/books/1' }) && p.test({ pathname: '/BOOKS/1' }));
  const s = new URLPattern('https://example.com/Books', { ignoreCase: true });
  assert(s.test('https://example.com/books'), 'the (input, options) overload');
  const b = new URLPattern('/Books', 'https://example.com', { ignoreCase: true });
  assert(b.test('https://example.com/BOOKS'), 'the (input, baseURL, options) overload');
  assertEquals(new URLPattern({ pathname: '/Books' }).test({ pathname: '/books' }), false);
  assertEquals(new URLPattern({ pathname: '/a/:id' }).hasRegExpGroups, false);
  assertEquals(new URLPattern({ pathname: '/a/:id(\\d+)' }).hasRegExpGroups, true);
  assertEquals(new URLPattern({ pathname: '/a/(\\d+)' }).hasRegExpGroups, true);
});
test('regexp features RE2 lacks throw a TypeError naming them', () => {
  const e = assertThrows(() => new URLPattern({ pathname: '/(a(?=b)b)' }), TypeError, 'lookahead');
  assert(e.message.includes('RE2'), e.message);
  assertThrows(() => new URLPattern({ pathname: '/(x(?<!y)z)' }), TypeError, 'lookbehind');
  // A group may not start with '?' (the spec's tokenizer): a clear error.
  const t = assertThrows(() => new URLPattern({ pathname: '/(?=a)a' }), TypeError, 'invalid pattern syntax');
  assert(!t.message.includes('&urlpattern'), t.message);
});
test('getters and methods are brand-checked, enumerable', () => {
  for (const k of ['protocol', 'pathname', 'hasRegExpGroups']) {
    const d = Object.getOwnPropertyDescriptor(URLPattern.prototype, k);
    assert(d.enumerable && typeof d.get === 'function', k);
    assertThrows(() => d.get.call({}), TypeError);
  }
  assertThrows(() => URLPattern.prototype.test.call({}, 'https://a'), TypeError);
  assertThrows(() => URLPattern('x'), TypeError);
});
