const f = (...a) => internals_format(a);
test('format table', () => {
  const cases = [
    [['hello'], 'hello'],
    [['a', 1, true, null, undefined], 'a 1 true null undefined'],
    [['%s is %d years', 'Jim', 32.5], 'Jim is 32.5 years'],
    [['%i|%f|%j|%%|%c.', 42.9, '1.5', { a: 1 }, 'color: red'], '42|1.5|{"a":1}|%|.'],
    [['%s', 'only'], 'only'],
    [['%s %s', 'one'], 'one %s'],
    [[{ name: 'Jim Halpert', age: 32 }], "{ name: 'Jim Halpert', age: 32 }"],
    [[[1, 'two', [3, [4, [5]]]]], "[ 1, 'two', [ 3, [ 4, [Array] ] ] ]"],
    [[{ a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }'],
    [[new Map([['k', 1]]), new Set([1, 2])], "Map(1) { 'k' => 1 } Set(2) { 1, 2 }"],
    [[new Uint8Array([1, 2, 3])], 'Uint8Array(3) [ 1, 2, 3 ]'],
    [[{ 'content-type': 'x', it: "it's" }], `{ 'content-type': 'x', it: "it's" }`],
    [[function named() {}, () => {}, class K {}], '[Function: named] [Function (anonymous)] [class K]'],
    [[new (class Point { constructor() { this.x = 1; } })()], 'Point { x: 1 }'],
    [[Symbol('s'), 10n, -0], 'Symbol(s) 10n -0'],
    [[new Headers({ a: '1' })], "Headers { 'a': '1' }"],
    [[[1, , 3]], '[ 1, <1 empty item>, 3 ]'],
  ];
  for (const [args, want] of cases) assertEquals(f(...args), want, JSON.stringify(String(args[0])));
});
test('cycles', () => {
  const o = { name: 'loop' };
  o.self = o;
  assertEquals(f(o), "{ name: 'loop', self: [Circular *1] }");
});
test('long objects break lines', () => {
  const o = { alpha: 'aaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccccc', delta: 'ddd' };
  assertEquals(f(o), "{\n  alpha: 'aaaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbb',\n  gamma: 'cccccccccccccccccc',\n  delta: 'ddd'\n}");
});
test('errors print their stack', () => {
  const s = f(new TypeError('bad'));
  assert(s.startsWith('TypeError: bad'), s);
});
// util.format cases with Node 20's answers.
test('format: Node util.format vectors', () => {
  const cases = [
    [['100%%'], '100%%'],
    [['%s%%', 1], '1%'],
    [['%d', -0], '-0'],
    [['%d', [5]], '5'],
    [['%d', {}], 'NaN'],
    [['%d', '0x10'], '16'],
    [['%i', '42.9px'], '42'],
    [['%f', '1.5e3x'], '1500'],
    [['%s', -0], '-0'],
    [['%s', { a: { b: 1 } }], '{ a: [Object] }'],
    [['%s', [1, [2, [3]]]], '[ 1, [Array] ]'],
    [['%s', new Date(0)], '1970-01-01T00:00:00.000Z'],
    [['%s', null], 'null'],
    [['%s', undefined], 'undefined'],
    [['%s', Symbol('q')], 'Symbol(q)'],
    [['%s', 5n], '5n'],
    [['%d', 5n], '5n'],
    [['%i', Symbol('x')], 'NaN'],
    [['%j', { a: [1] }], '{"a":[1]}'],
    [['%o', [1, 2]], '[ 1, 2, [length]: 2 ]'],
    [['%o', { a: 1 }], '{ a: 1 }'],
    [['%O', { a: { b: { c: { d: 1 } } } }], '{ a: { b: { c: [Object] } } }'],
    [['%x %s', 'a'], '%x a'],
    [['a%', 'b'], 'a% b'],
    [['%s:%s', 'a'], 'a:%s'],
    [['%c%s', 'css', 'x'], 'x'],
    [[{ a: 1 }, '%s', 'b'], '{ a: 1 } %s b'],
    [['%s', { toString() { return 'custom'; } }], 'custom'],
    [['%s', new (class Foo { toString() { return 'foo!'; } })()], 'foo!'],
    [['%s', new (class Bar {})()], 'Bar {}'],
    [['', 1], ' 1'],
  ];
  for (const [args, want] of cases) assertEquals(f(...args), want, JSON.stringify(String(args[0])) + ' ' + typeof args[1]);
  const cyc = {};
  cyc.self = cyc;
  assertEquals(f('%j', cyc), '[Circular]');
});
