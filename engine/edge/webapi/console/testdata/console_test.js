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
