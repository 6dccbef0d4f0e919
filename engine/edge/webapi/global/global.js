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

// [Next's unsupported-API stubs]: next dev (packages/next/src/server/web/
// sandbox/context.ts, throwUnsupportedAPIError) throws this Error when a
// route calls a Node.js API the edge lacks.
const unsupportedMessage = (name) => `A Node.js API is used (${name}) which is not supported in the Edge Runtime.\nLearn more: https://nextjs.org/docs/api-reference/edge-runtime`;
function unsupported(name) {
  return function () { throw new Error(unsupportedMessage(name)); };
}
internals.unsupportedNodeAPIError = (name) => new Error(unsupportedMessage(name));

// createProcessPolyfill: every other key of Node's `process` is a
// non-enumerable accessor. A function member reads as a function that
// throws (process.cwd() -> "A Node.js API is used (process.cwd) …"), any
// other member reads as undefined (so `if (process.version)` skips Node
// paths); assigning a value overrides the member. The key lists are Node
// 20's Object.keys(process), split by typeof.
const processFunctions = ['_rawDebug', 'binding', '_linkedBinding', 'dlopen', 'uptime', '_getActiveRequests', '_getActiveHandles',
  'getActiveResourcesInfo', 'reallyExit', '_kill', 'loadEnvFile', 'cpuUsage', 'resourceUsage', 'memoryUsage', 'constrainedMemory',
  'availableMemory', 'kill', 'exit', 'hrtime', 'openStdin', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'assert',
  '_fatalException', 'setUncaughtExceptionCaptureCallback', 'hasUncaughtExceptionCaptureCallback', 'emitWarning', 'nextTick',
  '_tickCallback', 'setSourceMapsEnabled', 'getBuiltinModule', '_debugProcess', '_debugEnd', '_startProfilerIdleNotifier',
  '_stopProfilerIdleNotifier', 'abort', 'umask', 'chdir', 'cwd', 'initgroups', 'setgroups', 'setegid', 'seteuid', 'setgid', 'setuid'];
const processValues = ['version', 'versions', 'arch', 'platform', 'release', 'moduleLoadList', '_events', '_eventsCount',
  '_maxListeners', 'domain', '_exiting', 'exitCode', 'config', 'allowedNodeEnvironmentFlags', 'features', 'sourceMapsEnabled',
  'stdout', 'stdin', 'stderr', 'title', 'argv', 'execArgv', 'pid', 'ppid', 'execPath', 'debugPort', 'argv0', '_preload_modules', 'report'];
const overridden = { __proto__: null };
function processMember(key, isFunction) {
  Object.defineProperty(process, key, {
    get() {
      if (overridden[key] !== undefined) return overridden[key];
      return isFunction ? () => { throw new Error(unsupportedMessage('process.' + key)); } : undefined;
    },
    set(value) { overridden[key] = value; },
    enumerable: false,
    configurable: false,
  });
}
for (let i = 0; i < processFunctions.length; i++) processMember(processFunctions[i], true);
for (let i = 0; i < processValues.length; i++) processMember(processValues[i], false);

// EDGE_UNSUPPORTED_NODE_APIS (packages/next/src/shared/lib/constants.ts):
// addStub makes each a non-enumerable, non-configurable getter that
// returns a function which throws Next's error when called (or
// constructed). ('DomException' is spelled so in Next.) The names that
// edgeplay implements (the streams classes, CompressionStream…) keep
// working: they work on the deployed edge, and next dev only stubs them
// because its list compares the docs with Node's globals.
const edgeUnsupportedNodeAPIs = ['clearImmediate', 'setImmediate', 'BroadcastChannel', 'ByteLengthQueuingStrategy',
  'CompressionStream', 'CountQueuingStrategy', 'DecompressionStream', 'DomException', 'MessageChannel', 'MessageEvent',
  'MessagePort', 'ReadableByteStreamController', 'ReadableStreamBYOBRequest', 'ReadableStreamDefaultController',
  'TransformStreamDefaultController', 'WritableStreamDefaultController'];
for (let i = 0; i < edgeUnsupportedNodeAPIs.length; i++) {
  const name = edgeUnsupportedNodeAPIs[i];
  if (Object.prototype.hasOwnProperty.call(global, name)) continue;
  Object.defineProperty(global, name, { get() { return unsupported(name); }, enumerable: false, configurable: false });
}

// require: next dev defines it (non-enumerable, read-only) for its five
// polyfilled built-ins and throws TypeError('Native module not found: …')
// for anything else. edgeplay does not provide those five yet: asking for
// one throws a NotSupportedError that says so.
const nextNativeModules = { __proto__: null, 'node:buffer': 'buffer', 'node:events': 'events', 'node:async_hooks': 'async_hooks', 'node:assert': 'assert', 'node:util': 'util' };
Object.defineProperty(global, 'require', {
  value: function require(id) {
    const m = nextNativeModules[id];
    if (m === undefined) throw new TypeError('Native module not found: ' + id);
    throw new DOMException(`require('${id}'): edgeplay does not provide Node.js '${m}' module to edge routes yet (Next.js polyfills it on the edge).`, 'NotSupportedError');
  },
  enumerable: false,
});
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
