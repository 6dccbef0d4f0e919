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
  assertEquals(typeof require, 'undefined');
  assertEquals(typeof module, 'undefined');
  assertEquals(typeof process.cwd, 'undefined');
});
