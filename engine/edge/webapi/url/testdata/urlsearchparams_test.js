// URLSearchParams: constructor forms, methods, serializer and iterators.
const pairs = (p) => { const out = []; p.forEach((v, k) => out.push([k, v])); return out; };

test('constructor from a string', () => {
  const cases = [
    ['', []],
    ['?', []],
    ['??a=1', [['?a', '1']]], // only one leading '?' goes
    ['a=1&a=2&b', [['a', '1'], ['a', '2'], ['b', '']]],
    ['&&a=1&&', [['a', '1']]],
    ['=x', [['', 'x']]],
    ['a==b', [['a', '=b']]],
    ['b=%20x+y', [['b', ' x y']]],
    ['%zz=%4', [['%zz', '%4']]],
    ['%C3%A9=%E2%82', [['é', '\ufffd']]], // bad UTF-8 after percent-decoding
    ['%E2%82a=1', [['\ufffda', '1']]], // one U+FFFD per maximal subpart
    ['a+b=c%2Bd', [['a b', 'c+d']]],
    ['é=\u2603', [['é', '☃']]],
  ];
  for (const [init, want] of cases) assertEquals(pairs(new URLSearchParams(init)), want, JSON.stringify(init));
  assertEquals(pairs(new URLSearchParams()), []);
  assertEquals(pairs(new URLSearchParams(undefined)), []);
  assertEquals(pairs(new URLSearchParams(null)), [['null', '']]);
  assertEquals(pairs(new URLSearchParams(12)), [['12', '']]);
});

test('constructor from sequences, records and other params', () => {
  assertEquals(pairs(new URLSearchParams([['x', '1'], ['x', 2], ['y', null]])), [['x', '1'], ['x', '2'], ['y', 'null']]);
  assertEquals(pairs(new URLSearchParams([])), []);
  assertEquals(pairs(new URLSearchParams(new Map([['m', 'v']]))), [['m', 'v']]);
  assertEquals(pairs(new URLSearchParams((function* () { yield ['g', '1']; yield new Set(['s', 't']); })())), [['g', '1'], ['s', 't']]);
  assertEquals(pairs(new URLSearchParams([['a', '1']].values())), [['a', '1']]);
  assertThrows(() => new URLSearchParams([['a']]), TypeError);
  assertThrows(() => new URLSearchParams([['a', '1', '2']]), TypeError);
  assertThrows(() => new URLSearchParams(['ab']), TypeError); // a string is not a pair
  assertThrows(() => new URLSearchParams([1]), TypeError);
  assertEquals(pairs(new URLSearchParams({ a: 'é', b: 1, '\ud800': '\udc00' })), [['a', 'é'], ['b', '1'], ['\ufffd', '\ufffd']]);
  const rec = Object.create({ inherited: 'no' });
  Object.defineProperty(rec, 'hidden', { value: 'no', enumerable: false });
  rec.own = 'yes';
  assertEquals(pairs(new URLSearchParams(rec)), [['own', 'yes']]);
  assertThrows(() => new URLSearchParams({ [Symbol('s')]: 'x' }), TypeError);
  const orig = new URLSearchParams('a=1&b=2');
  const copy = new URLSearchParams(orig);
  copy.append('c', '3');
  assertEquals([orig.toString(), copy.toString()], ['a=1&b=2', 'a=1&b=2&c=3']);
  assertThrows(() => URLSearchParams('a'), TypeError);
});

test('methods', () => {
  const p = new URLSearchParams('a=1&b=2&a=3');
  assertEquals(p.get('a'), '1');
  assertEquals(p.get('zz'), null);
  assertEquals(p.getAll('a'), ['1', '3']);
  assertEquals(p.getAll('zz'), []);
  assertEquals([p.has('a'), p.has('a', '3'), p.has('a', '2'), p.has('zz'), p.has('a', undefined)], [true, true, false, false, true]);
  assertEquals(p.size, 3);
  p.set('a', 'x');
  assertEquals(p.toString(), 'a=x&b=2');
  p.set('c', 'y');
  assertEquals(p.toString(), 'a=x&b=2&c=y');
  p.append('a', 'z');
  p.delete('a', 'x');
  assertEquals(p.toString(), 'b=2&c=y&a=z');
  p.delete('a');
  assertEquals(p.toString(), 'b=2&c=y');
  p.delete('b', undefined); // an undefined value is no value
  assertEquals(p.toString(), 'c=y');
  p.append('undefined', 'u');
  assertEquals(p.get(undefined), 'u');
  assertEquals(p.get('\ud800'), null);
  p.append('\ud800', '\udc00');
  assertEquals(p.get('\ufffd'), '\ufffd');
  assertEquals(p.get('\ud800'), '\ufffd');
  // Missing arguments are TypeErrors.
  for (const f of [() => p.get(), () => p.getAll(), () => p.has(), () => p.delete(), () => p.append('a'), () => p.set('a'), () => p.forEach()]) {
    assertThrows(f, TypeError);
  }
  assertThrows(() => p.forEach(5), TypeError);
  assertThrows(() => URLSearchParams.prototype.get.call({}, 'a'), TypeError);
});

test('sort is stable and by UTF-16 code units', () => {
  const cases = [
    ['z=b&a=b&z=a&a=a', 'a=b&a=a&z=b&z=a'],
    ['\uFFFD=x&\u{1F600}=y&z=z', 'z=z&%F0%9F%98%80=y&%EF%BF%BD=x'], // U+1F600 is D83D DE00 < FFFD
    ['b=1&a=1&b=2&a=2&b=3&a=3', 'a=1&a=2&a=3&b=1&b=2&b=3'],
    ['', ''],
  ];
  for (const [init, want] of cases) {
    const p = new URLSearchParams(init);
    p.sort();
    assertEquals(p.toString(), want, init);
  }
});

test('toString is the application/x-www-form-urlencoded serializer', () => {
  let all = '';
  for (let c = 0; c < 128; c++) all += String.fromCharCode(c);
  const p = new URLSearchParams();
  p.append(all, 'é \u{1F600}\ud800');
  assertEquals(p.toString(),
    '%00%01%02%03%04%05%06%07%08%09%0A%0B%0C%0D%0E%0F%10%11%12%13%14%15%16%17%18%19%1A%1B%1C%1D%1E%1F' +
    '+%21%22%23%24%25%26%27%28%29*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60' +
    'abcdefghijklmnopqrstuvwxyz%7B%7C%7D%7E%7F=%C3%A9+%F0%9F%98%80%EF%BF%BD');
  assertEquals(new URLSearchParams([['a', ''], ['', 'b'], ['', '']]).toString(), 'a=&=b&=');
  assertEquals(String(new URLSearchParams('x=1')), 'x=1');
});

test('iterators and forEach', () => {
  const p = new URLSearchParams('a=1&b=2');
  assertEquals([...p.keys()], ['a', 'b']);
  assertEquals([...p.values()], ['1', '2']);
  assertEquals([...p.entries()], [['a', '1'], ['b', '2']]);
  assertEquals([...p], [['a', '1'], ['b', '2']]);
  assert(URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries, '@@iterator is entries');
  const it = p.keys();
  assertEquals(Object.prototype.toString.call(it), '[object URLSearchParams Iterator]');
  assert(it[Symbol.iterator]() === it, 'iterators are iterable');
  assertEquals(Object.getOwnPropertyNames(it), []);
  assertThrows(() => it.next.call({}), TypeError);
  // Iteration is live over the list.
  const q = new URLSearchParams('a=1&b=2&c=3&d=4');
  const seen = [];
  for (const [k] of q) {
    seen.push(k);
    if (k === 'a') q.delete('b');
    if (k === 'c') q.append('e', '5');
  }
  assertEquals(seen, ['a', 'c', 'd', 'e']);
  const r = new URLSearchParams('a=1&b=2');
  const fe = [];
  r.forEach(function (v, k, obj) { fe.push([k, v, this.t, obj === r]); if (k === 'a') r.append('c', '3'); }, { t: 'T' });
  assertEquals(fe, [['a', '1', 'T', true], ['b', '2', 'T', true], ['c', '3', 'T', true]]);
  const done = new URLSearchParams('').entries().next();
  assertEquals(done, { value: undefined, done: true });
});
