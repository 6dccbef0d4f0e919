// [Headers]: https://fetch.spec.whatwg.org/#headers-class
test('case-insensitive, combined, sorted', () => {
  const h = new Headers({ 'X-B': '1', 'x-a': '2' });
  h.append('X-b', '3');
  assertEquals(h.get('x-B'), '1, 3');
  assert(h.has('X-A'));
  assertEquals([...h], [['x-a', '2'], ['x-b', '1, 3']]);
  assertEquals([...h.keys()], ['x-a', 'x-b']);
  h.delete('X-B');
  assertEquals([...h.values()], ['2']);
});

test('set-cookie stays separate', () => {
  const h = new Headers([['Set-Cookie', 'a=1'], ['set-cookie', 'b=2, c=3'], ['a', 'x']]);
  assertEquals(h.getSetCookie(), ['a=1', 'b=2, c=3']);
  assertEquals([...h], [['a', 'x'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2, c=3']]);
  assertEquals(h.get('set-cookie'), 'a=1, b=2, c=3');
  assertEquals(new Headers().getSetCookie(), []);
});

test('values are trimmed of HTTP whitespace', () => {
  assertEquals(new Headers({ a: ' \t x y \n' }).get('a'), 'x y');
});

test('invalid names and values', () => {
  assertThrows(() => new Headers({ 'a b': '1' }), TypeError, 'invalid header name');
  assertThrows(() => new Headers({ '': '1' }), TypeError);
  assertThrows(() => new Headers({ a: 'x\ry' }), TypeError, 'invalid header value');
  assertThrows(() => new Headers({ a: 'x\0' }), TypeError);
  assertThrows(() => new Headers({ a: '\u0100' }), TypeError);
  assertThrows(() => new Headers().get('a:'), TypeError);
  assertThrows(() => new Headers([['a']]), TypeError, 'length 2');
  assertThrows(() => new Headers(null), TypeError);
});

test('forEach in sorted order', () => {
  const out = [];
  new Headers({ b: '2', a: '1' }).forEach((v, k) => out.push(k + '=' + v));
  assertEquals(out, ['a=1', 'b=2']);
});

test('iteration is live', () => {
  const h = new Headers({ b: '2' });
  const it = h.entries();
  h.append('a', '1');
  assertEquals(it.next().value, ['a', '1']);
  assertEquals(it.next().value, ['b', '2']);
  assertEquals(it.next().done, true);
});

test('immutable guard', () => {
  const r = Response.error();
  assertThrows(() => r.headers.set('a', '1'), TypeError, 'immutable');
  const rr = Response.redirect('http://x/', 301);
  assertThrows(() => rr.headers.append('a', '1'), TypeError, 'immutable');
  assertThrows(() => rr.clone().headers.delete('location'), TypeError, 'immutable');
});
