// Built-ins lang.js adds to goja. Expected values follow ECMA-262 and what
// V8 (Node 20 where it has the feature) gives.
const desc = (o, k) => Object.getOwnPropertyDescriptor(o, k);
const builtin = (o, k, length) => {
  const d = desc(o, k);
  assert(d, k + ' is defined');
  assertEquals([d.writable, d.enumerable, d.configurable], [true, false, true], k + ' attributes');
  assertEquals(typeof d.value, 'function');
  assertEquals(d.value.name, k, k + ' name');
  assertEquals(d.value.length, length, k + ' length');
  assertThrows(() => new d.value(), TypeError);
};

test('attributes, names and lengths as built-ins', () => {
  builtin(Promise, 'withResolvers', 0);
  builtin(Promise, 'try', 1);
  builtin(Object, 'groupBy', 2);
  builtin(Map, 'groupBy', 2);
  builtin(Array, 'fromAsync', 1);
  builtin(String.prototype, 'isWellFormed', 0);
  builtin(String.prototype, 'toWellFormed', 0);
  builtin(Error, 'captureStackTrace', 2);
  assertEquals(desc(Error, 'stackTraceLimit'), { value: 10, writable: true, enumerable: true, configurable: true });
  assertEquals(typeof Symbol.asyncIterator, 'symbol');
});

test('Promise.withResolvers', async () => {
  const { promise, resolve, reject } = Promise.withResolvers();
  assert(promise instanceof Promise);
  resolve(5);
  reject(new Error('ignored'));
  assertEquals(await promise, 5);
  const r = Promise.withResolvers();
  r.reject(new TypeError('no'));
  await assertRejects(r.promise, TypeError, 'no');
  class P extends Promise {}
  assert(P.withResolvers().promise instanceof P, 'uses this as the constructor');
  assertThrows(() => Promise.withResolvers.call({}), TypeError);
});

test('Promise.try', async () => {
  assertEquals(await Promise.try(() => 1), 1);
  assertEquals(await Promise.try((a, b) => a + b, 2, 3), 5);
  assertEquals(await Promise.try(async () => 'async'), 'async');
  await assertRejects(Promise.try(() => { throw new RangeError('sync throw'); }), RangeError, 'sync throw');
  let sync = false;
  Promise.try(() => { sync = true; });
  assert(sync, 'the callback runs synchronously');
  await assertRejects(Promise.try(42), TypeError);
  assertThrows(() => Promise.try.call(1, () => 1), TypeError);
});

test('Object.groupBy', () => {
  const inventory = [
    { name: 'asparagus', type: 'vegetables', quantity: 5 },
    { name: 'bananas', type: 'fruit', quantity: 0 },
    { name: 'goat', type: 'meat', quantity: 23 },
    { name: 'cherries', type: 'fruit', quantity: 5 },
  ];
  const g = Object.groupBy(inventory, ({ type }) => type);
  assertEquals(Object.getPrototypeOf(g), null);
  assertEquals(Object.keys(g), ['vegetables', 'fruit', 'meat']);
  assertEquals(g.fruit.map((x) => x.name), ['bananas', 'cherries']);
  const idx = Object.groupBy('abc', (c, i) => i % 2);
  assertEquals(Object.keys(idx), ['0', '1']);
  assertEquals(idx[0], ['a', 'c']);
  assertThrows(() => Object.groupBy(null, () => 1), TypeError);
  assertThrows(() => Object.groupBy([1], 'x'), TypeError);
  let closed = false;
  const it = { [Symbol.iterator]() { return { next: () => ({ value: 1, done: false }), return() { closed = true; return {}; } }; } };
  assertThrows(() => Object.groupBy(it, () => { throw new Error('cb'); }), Error, 'cb');
  assert(closed, 'the iterator is closed when the callback throws');
});

test('Map.groupBy', () => {
  const k1 = {};
  const m = Map.groupBy([1, 2, 3, 4, -0], (n) => (n === 4 ? k1 : n % 2 === 0 ? (Object.is(n, -0) ? -0 : 0) : 1));
  assert(m instanceof Map);
  assertEquals([...m.keys()].length, 3);
  assertEquals(m.get(1), [1, 3]);
  assertEquals(m.get(0), [2, -0]);
  assert(Object.is([...m.keys()][1], 0), '-0 becomes +0');
  assertEquals(m.get(k1), [4]);
});

test('Array.fromAsync', async () => {
  assertEquals(await Array.fromAsync([1, Promise.resolve(2), 3]), [1, 2, 3]);
  assertEquals(await Array.fromAsync({ length: 2, 0: 'a', 1: Promise.resolve('b') }), ['a', 'b']);
  const asyncIterable = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return { next: () => Promise.resolve(i < 3 ? { value: i++, done: false } : { done: true }) };
    },
  };
  assertEquals(await Array.fromAsync(asyncIterable, (x, k) => x * 10 + k), [0, 11, 22]);
  assertEquals(await Array.fromAsync([1, 2], async function (x) { return x + this.d; }, { d: 100 }), [101, 102]);
  assertEquals(await Array.fromAsync(new Set(['x', 'y'])), ['x', 'y']);
  await assertRejects(Array.fromAsync([1], 'nope'), TypeError);
  await assertRejects(Array.fromAsync([Promise.reject(new Error('bad'))]), Error, 'bad');
  class MyArray { constructor() { this.made = true; } }
  const r = await Array.fromAsync.call(MyArray, [1, 2]);
  assert(r instanceof MyArray && r.made && r.length === 2 && r[1] === 2, 'uses this as the constructor');
  const p = Array.fromAsync(undefined);
  assert(p instanceof Promise, 'returns a promise even for bad input');
  await assertRejects(p, TypeError);
});

test('String.prototype.isWellFormed and toWellFormed', () => {
  assertEquals('abc'.isWellFormed(), true);
  assertEquals('a\uD83D\uDE00b'.isWellFormed(), true);
  assertEquals('a\uD83Db'.isWellFormed(), false);
  assertEquals('\uDE00'.isWellFormed(), false);
  assertEquals('x\uD800'.isWellFormed(), false);
  assertEquals('a\uD83Db\uDE00\uD83D\uDE00'.toWellFormed(), 'a\uFFFDb\uFFFD\uD83D\uDE00');
  assertEquals('\uD800'.toWellFormed(), '\uFFFD');
  assertEquals('ok'.toWellFormed(), 'ok');
  assertThrows(() => String.prototype.isWellFormed.call(null), TypeError);
  assertEquals(String.prototype.toWellFormed.call(12), '12');
});

test('Error.captureStackTrace', () => {
  function inner(o) { Error.captureStackTrace(o, inner); }
  function outer() { const o = {}; inner(o); return o; }
  const o = outer();
  const lines = o.stack.split('\n');
  assertEquals(lines[0], 'Error');
  assert(/^    at outer \(testdata\/lang_test\.js:\d+:\d+\)$/.test(lines[1]), 'frame below the skipped function: ' + lines[1]);
  assertEquals([desc(o, 'stack').writable, desc(o, 'stack').enumerable, desc(o, 'stack').configurable], [true, false, true]);

  const p = { name: 'Foo', message: 'bar' };
  Error.captureStackTrace(p);
  assertEquals(p.stack.split('\n')[0], 'Foo: bar');
  assert(/^    at testdata\/lang_test\.js:\d+:\d+$/.test(p.stack.split('\n')[1]), 'anonymous frame: ' + p.stack.split('\n')[1]);
  const q = { message: 'bar' };
  Error.captureStackTrace(q);
  assertEquals(q.stack.split('\n')[0], 'Error: bar');
  const r = { name: '' };
  Error.captureStackTrace(r);
  assertEquals(r.stack.split('\n')[0], '');
  const e = new TypeError('t');
  Error.captureStackTrace(e);
  assertEquals(e.stack.split('\n')[0], 'TypeError: t');
  const z = {};
  Error.captureStackTrace(z, function notThere() {});
  assertEquals(z.stack, 'Error', 'no frames when the function is not on the stack');
  assertThrows(() => Error.captureStackTrace(1), TypeError, 'invalid_argument');

  const saved = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 0;
    const n = {};
    Error.captureStackTrace(n);
    assertEquals(n.stack, 'Error');
    Error.stackTraceLimit = 1;
    function a() { const x = {}; Error.captureStackTrace(x); return x; }
    function b() { return a(); }
    assertEquals(b().stack.split('\n').length, 2);
  } finally {
    Error.stackTraceLimit = saved;
  }

  // The common library pattern: a custom error class.
  class HttpError extends Error {
    constructor(msg) { super(msg); this.name = 'HttpError'; Error.captureStackTrace(this, HttpError); }
  }
  function thrower() { throw new HttpError('teapot'); }
  const err = assertThrows(thrower, HttpError);
  const sl = err.stack.split('\n');
  assertEquals(sl[0], 'HttpError: teapot');
  assert(sl[1].startsWith('    at thrower ('), 'the constructor frame is dropped: ' + sl[1]);

  // this.constructor from a base class, for a subclass with no constructor.
  class Base extends Error { constructor(m) { super(m); this.name = this.constructor.name; Error.captureStackTrace(this, this.constructor); } }
  class Sub extends Base {}
  function makeSub() { return new Sub('s'); }
  const sub = makeSub();
  assertEquals(sub.stack.split('\n')[0], 'Sub: s');
  assert(sub.stack.includes('    at makeSub ('), 'the frames are kept: ' + sub.stack);
  function makeBase() { return new Base('b'); }
  const base = makeBase().stack.split('\n');
  assert(base[1].startsWith('    at makeBase ('), 'the Base frame is dropped: ' + base[1]);
});

test('DOMException uses captureStackTrace', () => {
  const d = new DOMException('m', 'AbortError');
  assertEquals(d.stack.split('\n')[0], 'AbortError: m');
});

test('Error cause', () => {
  assertEquals(new Error('x', { cause: 'c' }).cause, 'c');
  assertEquals(Object.hasOwn(new Error('x', { cause: undefined }), 'cause'), true);
  assertEquals(Object.hasOwn(new Error('x'), 'cause'), false);
  assertEquals(new TypeError('x', { cause: 1 }).cause, 1);
  const a = new AggregateError([new Error('a')], 'all', { cause: 2 });
  assertEquals([a.errors.length, a.message, a.cause], [1, 'all', 2]);
});

test('Iterator helpers', () => {
  assertEquals(typeof Iterator, 'function');
  assertThrows(() => new Iterator(), TypeError);
  const arrIt = () => [1, 2, 3, 4, 5][Symbol.iterator]();
  assert(arrIt() instanceof Iterator, 'array iterators are Iterators');
  assertEquals(arrIt().map((x) => x * 2).toArray(), [2, 4, 6, 8, 10]);
  assertEquals(arrIt().filter((x) => x % 2).toArray(), [1, 3, 5]);
  assertEquals(arrIt().take(2).toArray(), [1, 2]);
  assertEquals(arrIt().drop(3).toArray(), [4, 5]);
  assertEquals(arrIt().flatMap((x) => [x, x]).take(4).toArray(), [1, 1, 2, 2]);
  assertEquals(arrIt().reduce((a, b) => a + b), 15);
  assertEquals(arrIt().reduce((a, b) => a + b, 10), 25);
  assertEquals(arrIt().some((x) => x > 4), true);
  assertEquals(arrIt().every((x) => x > 4), false);
  assertEquals(arrIt().find((x) => x > 2), 3);
  const seen = [];
  arrIt().forEach((x, i) => seen.push(i));
  assertEquals(seen, [0, 1, 2, 3, 4]);
  assertThrows(() => arrIt().take(-1), RangeError);
  assertThrows(() => [].values().reduce((a) => a), TypeError, 'Reduce of empty iterator');
  const helper = arrIt().map((x) => x);
  assertEquals(Object.prototype.toString.call(helper), '[object Iterator Helper]');
  assertEquals(helper.next(), { value: 1, done: false });
  assertEquals(helper.return(), { value: undefined, done: true });
  assertEquals(helper.next(), { value: undefined, done: true });
  let closed = 0;
  const src = { i: 0, next() { return { value: this.i++, done: false }; }, return() { closed++; return {}; } };
  assertEquals(Iterator.from(src).take(3).toArray(), [0, 1, 2]);
  assertEquals(closed, 1, 'take closes the source at its limit');
  assertEquals(Iterator.from('ab').toArray(), ['a', 'b']);
  function* gen() { yield 1; yield 2; }
  assertEquals(gen().map((x) => x + 1).toArray(), [2, 3]);
  assertEquals(new Set([1, 2]).values().map((x) => -x).toArray(), [-1, -2]);
});
