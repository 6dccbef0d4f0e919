const msg = "Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime";
test('eval and every Function constructor throw EvalError', () => {
  const tries = [
    () => eval('1+1'),
    () => (0, eval)('1+1'),
    () => globalThis.eval('1'),
    () => new Function('return 1'),
    () => Function('return this')(),
    () => (function () {}).constructor('return 1'),
    () => (() => {}).constructor('return 1'),
    () => (async function () {}).constructor('return 1'),
    () => (function* () {}).constructor('yield 1'),
    () => Reflect.construct(Function, ['return 1']),
    () => Object.getPrototypeOf(function () {}).constructor('x'),
    () => setTimeout('1', 1),
    () => setInterval('1', 1),
  ];
  for (let i = 0; i < tries.length; i++) assertThrows(tries[i], EvalError, msg);
});
test('functions still work and instanceof Function holds', () => {
  const f = () => 1;
  assert(f instanceof Function, 'arrow instanceof Function');
  assert(typeof Function.prototype.call === 'function');
  assertEquals(f.call(null), 1);
});
test('edge globals', () => {
  assertEquals(EdgeRuntime, 'edge-runtime');
  assertEquals(self, globalThis);
  assertEquals(process.env.NEXT_RUNTIME, 'edge');
  assertEquals(typeof module, 'undefined');
  assertEquals(typeof Buffer, 'undefined');
  assertEquals(globalThis.globalThis, globalThis);
  assertEquals(self.self, self);
  const d = Object.getOwnPropertyDescriptor(globalThis, 'EdgeRuntime');
  assertEquals([d.enumerable, typeof EdgeRuntime], [false, 'string']);
});

// next dev's stubs (packages/next/src/server/web/sandbox/context.ts).
const nodeAPI = (name) => `A Node.js API is used (${name}) which is not supported in the Edge Runtime.\nLearn more: https://nextjs.org/docs/api-reference/edge-runtime`;
test("Next's unsupported globals exist and throw Next's message", () => {
  const stubbed = ['clearImmediate', 'setImmediate', 'BroadcastChannel', 'DomException', 'MessageChannel', 'MessageEvent', 'MessagePort'];
  for (const name of stubbed) {
    assertEquals(typeof globalThis[name], 'function', name);
    assert(name in globalThis, name + ' in globalThis');
    assertEquals(Object.keys(globalThis).includes(name), false, name + ' is not enumerable');
    const e = assertThrows(() => globalThis[name](), Error);
    assertEquals(e.message, nodeAPI(name));
    assertEquals(e.constructor, Error);
    assertEquals(assertThrows(() => new globalThis[name](), Error).message, nodeAPI(name));
  }
  assertThrows(() => setImmediate(() => {}), Error, 'A Node.js API is used (setImmediate)');
  assertThrows(() => new MessageChannel(), Error, 'Learn more: https://nextjs.org/docs/api-reference/edge-runtime');
  // Assigning does not replace them (a getter with no setter, as in Next).
  assertThrows(() => { 'use strict'; globalThis.setImmediate = 1; }, TypeError);
  assertEquals(typeof setImmediate, 'function');
});
test('the streams classes on that list keep working', () => {
  for (const name of ['ReadableStreamDefaultController', 'WritableStreamDefaultController', 'TransformStreamDefaultController',
    'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'ReadableByteStreamController']) {
    assertEquals(typeof globalThis[name], 'function', name);
  }
  assertEquals(new CountQueuingStrategy({ highWaterMark: 3 }).highWaterMark, 3);
  let controller;
  new ReadableStream({ start(c) { controller = c; } });
  assert(controller instanceof ReadableStreamDefaultController, 'the real class');
});
test('process: env, and Node members that throw or read as undefined', () => {
  assertEquals(Object.keys(process), ['env']);
  assertEquals(Object.prototype.toString.call(process), '[object process]');
  for (const name of ['cwd', 'nextTick', 'exit', 'hrtime', 'memoryUsage', 'uptime', 'emitWarning', 'chdir', 'kill']) {
    assertEquals(typeof process[name], 'function', 'process.' + name);
    assertEquals(assertThrows(() => process[name](), Error).message, nodeAPI('process.' + name));
  }
  for (const name of ['version', 'versions', 'platform', 'arch', 'pid', 'argv', 'stdout', 'stderr', 'title', 'release', 'execPath']) {
    assert(name in process, name + ' in process');
    assertEquals(process[name], undefined, 'process.' + name);
  }
  assertEquals(typeof process.on, 'undefined');
  assertEquals(typeof process.browser, 'undefined');
  // A value written by the route is kept (Next's overriddenValue).
  process.version = 'v0-test';
  assertEquals(process.version, 'v0-test');
  process.nextTick = (fn) => fn();
  let ran = false;
  process.nextTick(() => { ran = true; });
  assert(ran, 'overridden nextTick');
  process.custom = 1;
  assertEquals(process.custom, 1);
});
test("require: Next's native-module map", () => {
  assertEquals(typeof require, 'function');
  assertEquals(Object.keys(globalThis).includes('require'), false);
  for (const id of ['fs', 'node:fs', 'buffer', 'crypto', './local']) {
    assertThrows(() => require(id), TypeError, 'Native module not found: ' + id);
  }
  for (const id of ['node:buffer', 'node:events', 'node:async_hooks', 'node:assert', 'node:util']) {
    const e = assertThrows(() => require(id), DOMException, id);
    assertEquals(e.name, 'NotSupportedError');
  }
});
