test('searchParams are live both ways', () => {
  const u = new URL('http://localhost:3000/api/users/42?x=1&id=42');
  assertEquals(u.searchParams.get('id'), '42');
  u.searchParams.set('x', 'a b');
  assertEquals(u.href, 'http://localhost:3000/api/users/42?x=a+b&id=42');
  assertEquals(u.search, '?x=a+b&id=42');
  const sp = u.searchParams;
  u.search = '?q=1';
  assertEquals(sp.get('q'), '1');
  assert(u.searchParams === sp, 'same object');
  sp.delete('q');
  assertEquals(u.href, 'http://localhost:3000/api/users/42');
});
test('relative, setters, origin', () => {
  const u = new URL('/a/../b?c#d', 'https://example.com:443/x');
  assertEquals(u.href, 'https://example.com/b?c#d');
  assertEquals(u.origin, 'https://example.com');
  u.pathname = '/p q';
  assertEquals(u.pathname, '/p%20q');
  u.port = '8080';
  assertEquals(u.host, 'example.com:8080');
  u.port = 'nope';
  assertEquals(u.port, '8080');
  assertThrows(() => new URL('/relative'), TypeError);
  assertEquals(URL.canParse('/x', 'http://a'), true);
  assertEquals(URL.parse('nope'), null);
  assertEquals(JSON.stringify({ u: new URL('http://a/') }), '{"u":"http://a/"}');
});
test('URLSearchParams forms', () => {
  assertEquals(new URLSearchParams('?a=1&a=2&b=%20x+y').getAll('a'), ['1', '2']);
  assertEquals(new URLSearchParams('b=%20x+y').get('b'), ' x y');
  assertEquals(new URLSearchParams({ a: 'é', b: '~*' }).toString(), 'a=%C3%A9&b=%7E*');
  assertEquals(new URLSearchParams([['x', '1']]).toString(), 'x=1');
  const p = new URLSearchParams('z=1&a=2&z=0');
  p.sort();
  assertEquals(p.toString(), 'a=2&z=1&z=0');
  assertEquals([...p.keys()], ['a', 'z', 'z']);
  assertEquals(p.size, 3);
});
