// [Edge Runtime globals]: https://nextjs.org/docs/app/api-reference/edge

internals.defineGlobal('self', global);

// Well-known symbols of explicit resource management (`using`), which V8
// has and goja lacks. esbuild's lowering helpers fall back to
// Symbol.for('Symbol.dispose'), so the same symbols are used here: a
// class written with [Symbol.dispose]() and the lowered `using` agree.
// [Symbol.dispose]: https://tc39.es/proposal-explicit-resource-management/#sec-symbol.dispose
for (const name of ['dispose', 'asyncDispose']) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, { value: Symbol.for('Symbol.' + name), writable: false, enumerable: false, configurable: false });
  }
}
internals.defineGlobal('EdgeRuntime', 'edge-runtime');

// process.env: the shell environment and the project's env files (merged in
// Go), plus what next dev sets for edge code.
const env = {};
const flat = native.env;
for (let i = 0; i < flat.length; i += 2) env[flat[i]] = flat[i + 1];
env.NEXT_RUNTIME = 'edge';
if (env.NODE_ENV === undefined) env.NODE_ENV = 'development';
const process = { env };
Object.defineProperty(process, Symbol.toStringTag, { value: 'process', configurable: true });
internals.defineGlobal('process', process);

// Dynamic code evaluation: eval, Function and the constructors of async,
// generator and async generator functions all throw Next's EvalError.
const dynamicCodeError = internals.dynamicCodeError;
function blocked(name) {
  const f = {
    [name]: function () { throw dynamicCodeError(); },
  }[name];
  return f;
}
const evalStub = blocked('eval');
internals.defineGlobal('eval', evalStub);

function lockConstructor(proto, name) {
  const F = blocked(name);
  Object.defineProperty(F, 'prototype', { value: proto, writable: false });
  Object.defineProperty(proto, 'constructor', { value: F, writable: true, configurable: true });
  return F;
}
const FunctionStub = lockConstructor(Function.prototype, 'Function');
internals.defineGlobal('Function', FunctionStub);
lockConstructor(Object.getPrototypeOf(async function () {}), 'AsyncFunction');
lockConstructor(Object.getPrototypeOf(function* () {}), 'GeneratorFunction');
// goja has no async generators (esbuild lowers them), so there is no
// AsyncGeneratorFunction constructor to lock.
