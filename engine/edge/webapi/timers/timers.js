// [Timers]: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers

function schedule(handler, timeout, args, interval) {
  if (typeof handler !== 'function') {
    if (typeof handler === 'string') throw internals.dynamicCodeError();
    throw new TypeError('The "callback" argument must be of type function. Received ' + (handler === null ? 'null' : typeof handler));
  }
  // The callback's `this` is the global object, as on the web and in
  // next dev (Node's own timers pass the Timeout object instead).
  const fn = () => handler.apply(global, args);
  return native.set(fn, Number(timeout), interval);
}

function setTimeout(handler, timeout = 0, ...args) { return schedule(handler, timeout, args, false); }
function setInterval(handler, timeout = 0, ...args) { return schedule(handler, timeout, args, true); }
// Ids are positive integers (the edge runtime's, and next dev's, timers
// return numbers). Anything else names no timer: a no-op. Node also takes
// an id as a string ('5'), so that does too. Timeouts and intervals share
// one id space, so either function clears either kind.
function timerId(id) {
  if (typeof id === 'string' && id !== '') id = Number(id);
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : 0;
}
function clearTimeout(id) { const n = timerId(id); if (n !== 0) native.clear(n); }
function clearInterval(id) { const n = timerId(id); if (n !== 0) native.clear(n); }

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
