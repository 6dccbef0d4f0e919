// URL: the constructor, getters, setters (state overrides) and the live
// searchParams. Parsing itself is covered by urltestdata.json.

test('globals, tags and prototype shape', () => {
  for (const name of ['URL', 'URLSearchParams']) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert(d && !d.enumerable && d.writable && d.configurable, name);
  }
  const u = new URL('http://a/');
  assertEquals(Object.prototype.toString.call(u), '[object URL]');
  assertEquals(Object.getOwnPropertyNames(u), []);
  for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash']) {
    assert(typeof Object.getOwnPropertyDescriptor(URL.prototype, k).get === 'function', k);
  }
  assertEquals(Object.getOwnPropertyDescriptor(URL.prototype, 'origin').set, undefined);
  assertEquals(Object.getOwnPropertyDescriptor(URL.prototype, 'searchParams').set, undefined);
  assertEquals(Object.getOwnPropertyNames(URL).sort(), ['canParse', 'createObjectURL', 'length', 'name', 'parse', 'prototype', 'revokeObjectURL']);
  assertEquals(Object.getOwnPropertyNames(URLSearchParams).sort(), ['length', 'name', 'prototype']);
  assertThrows(() => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}), TypeError);
  assertThrows(() => URL('http://a/'), TypeError);
});

test('constructor', () => {
  const u = new URL('HTTPS://User:Pa%20ss@EXAMPLE.com:8443/a/./b/../c?q=1#F');
  assertEquals(
    [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash],
    ['https://User:Pa%20ss@example.com:8443/a/c?q=1#F', 'https://example.com:8443', 'https:', 'User', 'Pa%20ss',
      'example.com:8443', 'example.com', '8443', '/a/c', '?q=1', '#F']);
  assertEquals(new URL('/a/../b?c#d', 'https://example.com:443/x').href, 'https://example.com/b?c#d');
  assertEquals(new URL('?x', 'http://h/p?y#z').href, 'http://h/p?x');
  assertEquals(new URL(new URL('http://a/b')).href, 'http://a/b');
  assertEquals(new URL('x', new URL('http://a/b/')).href, 'http://a/b/x');
  assertEquals(new URL('http://h/\ud800').pathname, '/%EF%BF%BD'); // USVString
  assertEquals(new URL('http://h?').search, '');
  assertEquals(new URL('http://h?').href, 'http://h/?');
  assertEquals(new URL('http://h#').hash, '');
  assertEquals(new URL('http://h#').href, 'http://h/#');
  const cases = [
    [['/relative'], 'no base'],
    [['http://a b/'], 'bad host'],
    [['x', ''], 'an empty base is a base that does not parse'],
    [['x', 'not a url'], 'bad base'],
    [['http://[::1/'], 'unclosed IPv6'],
    [[], 'missing argument'],
    [[undefined], 'undefined'],
  ];
  for (const [args, why] of cases) assertThrows(() => new URL(...args), TypeError);
  assertEquals(new URL(undefined, 'http://a/').href, 'http://a/undefined');
});

test('URL.parse, URL.canParse, toJSON, toString', () => {
  assertEquals(URL.canParse('/x', 'http://a'), true);
  assertEquals(URL.canParse('/x'), false);
  assertEquals(URL.canParse('http://a', ''), false);
  assertEquals(URL.parse('nope'), null);
  const p = URL.parse('b', 'http://a/x/');
  assert(p instanceof URL);
  assertEquals(p.href, 'http://a/x/b');
  assertEquals(p.searchParams.size, 0);
  assertThrows(() => URL.canParse(), TypeError);
  assertThrows(() => URL.parse(), TypeError);
  assertEquals(JSON.stringify({ u: new URL('http://a/') }), '{"u":"http://a/"}');
  assertEquals(String(new URL('http://a/b?c')), 'http://a/b?c');
  assertEquals(new URL('http://a/b').toString(), 'http://a/b');
  assertThrows(() => URL.createObjectURL({}), Error, 'not supported by edgeplay yet');
  assertThrows(() => URL.revokeObjectURL('blob:x'), Error, 'not supported by edgeplay yet');
});

test('origin', () => {
  const cases = [
    ['http://a:80/', 'http://a'], ['https://a:444/', 'https://a:444'], ['ws://a/', 'ws://a'], ['wss://a/', 'wss://a'],
    ['ftp://a/', 'ftp://a'], ['file:///x', 'null'], ['data:text/plain,x', 'null'], ['x:y', 'null'],
    ['blob:https://a.com:8/x', 'https://a.com:8'], ['blob:ftp://a/x', 'null'], ['blob:nope', 'null'],
  ];
  for (const [href, origin] of cases) assertEquals(new URL(href).origin, origin, href);
});

test('setters: valid values', () => {
  // [attribute, value, href after]
  const cases = [
    ['href', 'https://b/c?d', 'https://b/c?d'],
    ['protocol', 'https', 'https://h:1/p?q#f'],
    ['protocol', 'WSS:', 'wss://h:1/p?q#f'],
    ['username', 'me@x', 'http://me%40x@h:1/p?q#f'],
    ['password', 'p w', 'http://:p%20w@h:1/p?q#f'],
    ['host', 'example.com:8080', 'http://example.com:8080/p?q#f'],
    ['host', 'EXAMPLE.com', 'http://example.com:1/p?q#f'],
    ['hostname', 'b.c', 'http://b.c:1/p?q#f'],
    ['port', '8080', 'http://h:8080/p?q#f'],
    ['port', '80', 'http://h/p?q#f'], // the default port is no port
    ['port', '', 'http://h/p?q#f'],
    ['port', '12abc', 'http://h:12/p?q#f'], // leading digits are kept
    ['pathname', '/a b/../c', 'http://h:1/c?q#f'],
    ['pathname', 'x', 'http://h:1/x?q#f'],
    ['search', '?a=1 2', 'http://h:1/p?a=1%202#f'],
    ['search', 'b', 'http://h:1/p?b#f'],
    ['search', '', 'http://h:1/p#f'],
    ['search', '?', 'http://h:1/p?#f'],
    ['hash', 'x y', 'http://h:1/p?q#x%20y'],
    ['hash', '#', 'http://h:1/p?q#'],
    ['hash', '', 'http://h:1/p?q'],
  ];
  for (const [attr, value, want] of cases) {
    const u = new URL('http://h:1/p?q#f');
    u[attr] = value;
    assertEquals(u.href, want, attr + ' = ' + JSON.stringify(value));
  }
});

test('setters: invalid values are ignored; href throws', () => {
  const base = 'http://h:1/p?q#f';
  const cases = [
    ['protocol', ''], ['protocol', '1http'], ['protocol', 'foo'], // special to non-special is refused
    ['host', 'a b'], ['hostname', 'a:b'], ['hostname', ''], ['port', 'nope'], ['port', '65536'],
  ];
  for (const [attr, value] of cases) {
    const u = new URL(base);
    u[attr] = value;
    assertEquals(u.href, base, attr + ' = ' + JSON.stringify(value));
  }
  const u = new URL(base);
  const e = assertThrows(() => { u.href = '/relative'; }, TypeError);
  assertEquals(u.href, base);
  // Setters that do not apply to the URL do nothing.
  const m = new URL('mailto:x@y');
  m.host = 'h';
  m.pathname = '/p';
  m.username = 'u';
  m.port = '1';
  assertEquals(m.href, 'mailto:x@y');
  const f = new URL('file:///x');
  f.username = 'u';
  f.port = '1';
  assertEquals(f.href, 'file:///x');
});

test('searchParams are live both ways', () => {
  const u = new URL('http://localhost:3000/api/users/42?x=1&id=42#top');
  const sp = u.searchParams;
  assert(u.searchParams === sp, '[SameObject]');
  assertEquals(sp.get('id'), '42');
  // params -> URL
  const steps = [
    [() => sp.set('x', 'a b'), '?x=a+b&id=42'],
    [() => sp.append('é', '~'), '?x=a+b&id=42&%C3%A9=%7E'],
    [() => sp.delete('é'), '?x=a+b&id=42'],
    [() => sp.sort(), '?id=42&x=a+b'],
    [() => sp.delete('x', 'nope'), '?id=42&x=a+b'],
    [() => sp.delete('x', 'a b'), '?id=42'],
    [() => sp.delete('id'), ''], // an empty list makes the query null
    [() => sp.append('k', ''), '?k='],
  ];
  for (const [step, search] of steps) {
    step();
    assertEquals(u.search, search);
    assertEquals(u.href, 'http://localhost:3000/api/users/42' + search + '#top');
    assertEquals(u.hash, '#top');
  }
  // URL -> params, same object
  u.search = '?q=1&q=2';
  assert(u.searchParams === sp);
  assertEquals(sp.getAll('q'), ['1', '2']);
  u.search = '';
  assertEquals(sp.size, 0);
  u.href = 'http://other/?z=9';
  assertEquals(sp.get('z'), '9');
  assert(u.searchParams === sp);
  u.hash = 'h';
  sp.set('z', '8');
  assertEquals(u.href, 'http://other/?z=8#h');
  // Other setters leave the query alone.
  u.pathname = '/p';
  assertEquals(sp.toString(), 'z=8');
  // The search setter parses its input into the list (raw, not re-encoded).
  u.search = 'a=%zz&b=+';
  assertEquals([sp.get('a'), sp.get('b')], ['%zz', ' ']);
  assertEquals(u.search, '?a=%zz&b=+');
});

test('searchParams update a URL with an opaque path', () => {
  const u = new URL('data:text/plain,a ?x=1');
  assertEquals(u.pathname, 'text/plain,a ');
  u.searchParams.delete('x');
  // A null query strips the opaque path's trailing spaces.
  assertEquals(u.href, 'data:text/plain,a');
  const v = new URL('sc:opaque?x#h');
  v.searchParams.set('y', '1');
  assertEquals(v.href, 'sc:opaque?x=&y=1#h');
});

test('fast path and full parser agree through the API', () => {
  const inputs = ['http://localhost:3000/a?b#c', 'HTTP://LOCALHOST:3000/a', 'http://localhost:80', 'http://127.0.0.1:3000',
    'http://0x7f.1/', 'https://xn--nxasmq6b.com/', 'http://a/./b/../c', 'http://a/%2e%2E/b', 'http://a/^', 'http://a/b c'];
  const want = ['http://localhost:3000/a?b#c', 'http://localhost:3000/a', 'http://localhost/', 'http://127.0.0.1:3000/',
    'http://127.0.0.1/', 'https://xn--nxasmq6b.com/', 'http://a/c', 'http://a/b', 'http://a/^', 'http://a/b%20c'];
  for (let i = 0; i < inputs.length; i++) assertEquals(new URL(inputs[i]).href, want[i], inputs[i]);
});
