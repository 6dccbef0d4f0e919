// [Timers]: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers

function schedule(handler, timeout, args, interval) {
  if (typeof handler !== 'function') {
    if (typeof handler === 'string') throw internals.dynamicCodeError();
    throw new TypeError('The "callback" argument must be of type function. Received ' + (handler === null ? 'null' : typeof handler));
  }
  const fn = args.length === 0 ? handler : () => handler.apply(undefined, args);
  return native.set(fn, Number(timeout), interval);
}

function setTimeout(handler, timeout = 0, ...args) { return schedule(handler, timeout, args, false); }
function setInterval(handler, timeout = 0, ...args) { return schedule(handler, timeout, args, true); }
function clearTimeout(id) { if (typeof id === 'number') native.clear(id); }
function clearInterval(id) { if (typeof id === 'number') native.clear(id); }

// [queueMicrotask]: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-queuemicrotask
const resolved = Promise.resolve();
function queueMicrotask(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
  }
  resolved.then(() => {
    try { callback(); } catch (e) { internals.reportError(e); }
  });
}

// The runtime's fallback error reporting, replaced by the console API's.
if (!internals.reportError) internals.reportError = (e) => { throw e; };
// Dynamic code errors are defined here too, as timers are the first API
// that refuses code strings; the global API locks eval and Function.
internals.dynamicCodeError = () => new EvalError("Dynamic Code Evaluation (e. g. 'eval', 'new Function') not allowed in Edge Runtime");

internals.defineGlobal('setTimeout', setTimeout);
internals.defineGlobal('setInterval', setInterval);
internals.defineGlobal('clearTimeout', clearTimeout);
internals.defineGlobal('clearInterval', clearInterval);
internals.defineGlobal('queueMicrotask', queueMicrotask);
