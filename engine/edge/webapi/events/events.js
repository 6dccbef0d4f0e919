// [DOM Standard: Events]: https://dom.spec.whatwg.org/#events
// [Event]: https://dom.spec.whatwg.org/#interface-event
// [EventTarget]: https://dom.spec.whatwg.org/#interface-eventtarget
// [AbortController]: https://dom.spec.whatwg.org/#interface-abortcontroller
// [AbortSignal]: https://dom.spec.whatwg.org/#interface-AbortSignal
//
// Event targets have no parent: dispatch runs the target's capture
// listeners, then its other listeners. Loops are index loops (goja's
// iterator protocol is slow).

const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;

// Errors thrown by listeners are reported, not propagated. The console API
// (set up before this one) defines internals.reportError; without it, log
// through internals.console, else rethrow in a microtask (an unhandled
// rejection the engine reports).
if (typeof internals.reportError !== 'function') {
  internals.reportError = function reportError(e) {
    if (internals.console && typeof internals.console.error === 'function') internals.console.error(e);
    else Promise.resolve().then(() => { throw e; });
  };
}
const reportError = (e) => internals.reportError(e);

// Event timestamps are milliseconds since this isolate's time origin.
const timeOrigin = Date.now();
const now = () => (typeof internals.now === 'function' ? internals.now() : Date.now() - timeOrigin);

// What EventTarget needs of Event's state, and the reverse (set by the
// static blocks below).
let eventState;  // (event) -> the event's private record, or undefined for a non-Event
let listenersOf; // (target) -> listener list (made on demand)
let handlersOf;  // (target) -> event handler records
let isTarget;    // brand check
let signalAborted, signalAbort, addAbortAlgorithm, isAbortSignal, newSignal, runAbortSteps, createDependent;

const kIllegal = Symbol('illegal');

function isTrustedGetter() {
  const s = eventState(this);
  if (s === undefined) throw new TypeError('Illegal invocation');
  return s.isTrusted;
}

class Event {
  // The event's flags and attributes, in one record so that dispatch can
  // reach them (https://dom.spec.whatwg.org/#concept-event).
  #s;

  // https://dom.spec.whatwg.org/#dom-event-event
  constructor(type, eventInitDict = undefined) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'constructor' on 'Event'");
    const init = eventInitDict;
    if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Failed to construct 'Event': The provided value is not of type 'EventInit'.");
    }
    // Inner event creation steps: initialized flag set, timeStamp, then the
    // dictionary members (bubbles, cancelable, composed).
    this.#s = {
      type: String(type),
      target: null,
      currentTarget: null,
      eventPhase: NONE,
      bubbles: init != null && Boolean(init.bubbles),
      cancelable: init != null && Boolean(init.cancelable),
      composed: init != null && Boolean(init.composed),
      isTrusted: false,
      timeStamp: now(),
      stopPropagation: false,
      stopImmediatePropagation: false,
      canceled: false,
      inPassiveListener: false,
      initialized: true,
      dispatch: false,
    };
    // [LegacyUnforgeable] isTrusted is an own property of every event.
    Object.defineProperty(this, 'isTrusted', { get: isTrustedGetter, enumerable: true, configurable: false });
  }

  static {
    eventState = (e) => (e !== null && typeof e === 'object' && #s in e ? e.#s : undefined);
  }

  get type() { return this.#s.type; }
  get target() { return this.#s.target; }
  get srcElement() { return this.#s.target; }
  get currentTarget() { return this.#s.currentTarget; }
  get eventPhase() { return this.#s.eventPhase; }
  get bubbles() { return this.#s.bubbles; }
  get cancelable() { return this.#s.cancelable; }
  get composed() { return this.#s.composed; }
  get defaultPrevented() { return this.#s.canceled; }
  get timeStamp() { return this.#s.timeStamp; }

  // https://dom.spec.whatwg.org/#dom-event-composedpath: the path is the
  // target alone while dispatching.
  composedPath() {
    const s = this.#s;
    return s.dispatch && s.currentTarget !== null ? [s.currentTarget] : [];
  }

  stopPropagation() { this.#s.stopPropagation = true; }
  get cancelBubble() { return this.#s.stopPropagation; }
  set cancelBubble(value) { if (value) this.#s.stopPropagation = true; }

  stopImmediatePropagation() {
    this.#s.stopPropagation = true;
    this.#s.stopImmediatePropagation = true;
  }

  // [set the canceled flag]: https://dom.spec.whatwg.org/#set-the-canceled-flag
  preventDefault() {
    const s = this.#s;
    if (s.cancelable && !s.inPassiveListener) s.canceled = true;
  }
  get returnValue() { return !this.#s.canceled; }
  set returnValue(value) {
    const s = this.#s;
    if (!value && s.cancelable && !s.inPassiveListener) s.canceled = true;
  }

  // https://dom.spec.whatwg.org/#dom-event-initevent
  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'initEvent' on 'Event'");
    const s = this.#s;
    // 1. If this's dispatch flag is set, then return.
    if (s.dispatch) return;
    // 2. Initialize this: flags cleared, isTrusted false, target null.
    s.initialized = true;
    s.stopPropagation = false;
    s.stopImmediatePropagation = false;
    s.canceled = false;
    s.isTrusted = false;
    s.target = null;
    s.type = String(type);
    s.bubbles = Boolean(bubbles);
    s.cancelable = Boolean(cancelable);
  }
}
const phases = ['NONE', 'CAPTURING_PHASE', 'AT_TARGET', 'BUBBLING_PHASE'];
for (let i = 0; i < phases.length; i++) {
  Object.defineProperty(Event, phases[i], { value: i, enumerable: true });
  Object.defineProperty(Event.prototype, phases[i], { value: i, enumerable: true });
}
internals.tag(Event);

// Reads the options of addEventListener / removeEventListener.
// https://dom.spec.whatwg.org/#event-flatten-more
function flattenMore(options) {
  if (options === undefined || options === null) return { capture: false, once: false, passive: false, signal: null };
  if (typeof options !== 'object' && typeof options !== 'function') return { capture: Boolean(options), once: false, passive: false, signal: null };
  // Dictionary members in order: capture, then once, passive, signal.
  const capture = Boolean(options.capture);
  const once = Boolean(options.once);
  const passive = Boolean(options.passive);
  let signal = options.signal;
  if (signal === undefined) signal = null;
  else if (!isAbortSignal(signal)) throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': member signal is not of type AbortSignal.");
  return { capture, once, passive, signal };
}

function checkCallback(callback, what) {
  if (callback !== null && callback !== undefined && typeof callback !== 'object' && typeof callback !== 'function') {
    throw new TypeError(`Failed to execute '${what}' on 'EventTarget': The callback provided as parameter 2 is not an object.`);
  }
}

class EventTarget {
  // [event listener list]: records {type, callback, capture, passive, once,
  // signal, removed}; made on first use.
  #listeners = null;
  // Event handler attributes (onabort…): name -> {value, listener}.
  #handlers = null;

  // https://dom.spec.whatwg.org/#dom-eventtarget-eventtarget
  constructor() {}

  static {
    listenersOf = (t) => t.#listeners || (t.#listeners = []);
    handlersOf = (t) => t.#handlers || (t.#handlers = { __proto__: null });
    isTarget = (t) => t !== null && typeof t === 'object' && #listeners in t;
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener
  addEventListener(type, callback, options = undefined) {
    if (arguments.length < 2) internals.requiredArgs(arguments.length, 2, "'addEventListener' on 'EventTarget'");
    checkCallback(callback, 'addEventListener');
    const o = flattenMore(options);
    addListener(this, { type: String(type), callback: callback === undefined ? null : callback, capture: o.capture, passive: o.passive, once: o.once, signal: o.signal, removed: false });
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-removeeventlistener
  removeEventListener(type, callback, options = undefined) {
    if (arguments.length < 2) internals.requiredArgs(arguments.length, 2, "'removeEventListener' on 'EventTarget'");
    checkCallback(callback, 'removeEventListener');
    // 1. Let capture be the result of flattening options.
    const capture = options !== null && (typeof options === 'object' || typeof options === 'function') ? Boolean(options.capture) : Boolean(options);
    // 2. If the list contains a listener with the same type, callback and
    // capture, remove it.
    const l = this.#listeners;
    if (l === null) return;
    type = String(type);
    for (let i = 0; i < l.length; i++) {
      const x = l[i];
      if (x.type === type && x.callback === callback && x.capture === capture) {
        removeListener(this, x);
        return;
      }
    }
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-dispatchevent
  dispatchEvent(event) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'dispatchEvent' on 'EventTarget'");
    const s = eventState(event);
    if (s === undefined) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
    // 1. If event's dispatch flag is set, or its initialized flag is not
    // set, throw an "InvalidStateError" DOMException.
    if (s.dispatch || !s.initialized) throw new DOMException("Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched.", 'InvalidStateError');
    // 2. Initialize event's isTrusted attribute to false.
    s.isTrusted = false;
    // 3. Return the result of dispatching event to this.
    return dispatch(this, event, s);
  }
}
internals.tag(EventTarget);

// [add an event listener]: https://dom.spec.whatwg.org/#add-an-event-listener
function addListener(target, listener) {
  // 2. If listener's signal is aborted, then return.
  if (listener.signal !== null && signalAborted(listener.signal)) return;
  // 3. If listener's callback is null, then return.
  if (listener.callback === null) return;
  // 5. If the list does not contain an equal listener, append it.
  const l = listenersOf(target);
  for (let i = 0; i < l.length; i++) {
    const x = l[i];
    if (x.type === listener.type && x.callback === listener.callback && x.capture === listener.capture) return;
  }
  l.push(listener);
  // 6. If listener's signal is not null, add an abort algorithm that
  // removes the listener.
  if (listener.signal !== null) {
    addAbortAlgorithm(listener.signal, () => removeListener(target, listener));
  }
}

// [remove an event listener]: https://dom.spec.whatwg.org/#remove-an-event-listener
function removeListener(target, listener) {
  // 2. Set listener's removed to true and remove it from the list.
  listener.removed = true;
  const l = listenersOf(target);
  const i = l.indexOf(listener);
  if (i >= 0) l.splice(i, 1);
}

// [dispatch]: https://dom.spec.whatwg.org/#concept-event-dispatch for a
// target with no parent: the path is the target alone.
function dispatch(target, event, s) {
  // 1. Set event's dispatch flag.
  s.dispatch = true;
  // 5.4 / 5.13. event's target is the target; its path has one struct.
  s.target = target;
  // 5.14. Capturing pass: at the target, eventPhase is AT_TARGET.
  s.eventPhase = AT_TARGET;
  invoke(target, event, s, true);
  // 5.15. Bubbling pass.
  invoke(target, event, s, false);
  // 6–9. Reset the phase, currentTarget and the propagation flags; unset
  // the dispatch flag.
  s.eventPhase = NONE;
  s.currentTarget = null;
  s.dispatch = false;
  s.stopPropagation = false;
  s.stopImmediatePropagation = false;
  // 12. Return false if event's canceled flag is set; otherwise true.
  return !s.canceled;
}

// [invoke]: https://dom.spec.whatwg.org/#concept-event-listener-invoke
function invoke(target, event, s, capturing) {
  // 4. If event's stop propagation flag is set, then return.
  if (s.stopPropagation) return;
  // 5. Clone the listener list (listeners added during dispatch do not run).
  const l = listenersOf(target);
  if (l.length === 0) return;
  const listeners = l.slice();
  // 6. Set event's currentTarget.
  s.currentTarget = target;
  // 7–8. [inner invoke]: https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke
  for (let i = 0; i < listeners.length; i++) {
    const listener = listeners[i];
    // 2.1. If event's type is not listener's type, continue.
    // 2.2. If listener's removed is true, continue.
    if (listener.type !== s.type || listener.removed) continue;
    // 2.4–2.5. Capture listeners run in the capturing pass, others in the
    // bubbling pass.
    if (listener.capture !== capturing) continue;
    // 2.6. If listener's once is true, remove it.
    if (listener.once) removeListener(target, listener);
    // 2.9. If listener's passive is true, set the in passive listener flag.
    if (listener.passive) s.inPassiveListener = true;
    // 2.11. Call the callback; report an exception, do not propagate it.
    try {
      const cb = listener.callback;
      if (typeof cb === 'function') {
        cb.call(s.currentTarget, event);
      } else {
        const handleEvent = cb.handleEvent;
        if (typeof handleEvent !== 'function') throw new TypeError("The provided callback is not a function and has no callable 'handleEvent' property.");
        handleEvent.call(cb, event);
      }
    } catch (e) {
      reportError(e);
    }
    // 2.12. Unset the in passive listener flag.
    s.inPassiveListener = false;
    // 2.14. If the stop immediate propagation flag is set, stop.
    if (s.stopImmediatePropagation) return;
  }
}

// [Event handlers]: https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes
// defineEventHandler(proto, 'abort') defines proto.onabort.
function defineEventHandler(proto, name) {
  Object.defineProperty(proto, 'on' + name, {
    get() {
      if (!isTarget(this)) throw new TypeError('Illegal invocation');
      const h = handlersOf(this)[name];
      return h === undefined ? null : h.value;
    },
    set(value) {
      if (!isTarget(this)) throw new TypeError('Illegal invocation');
      const handlers = handlersOf(this);
      let h = handlers[name];
      // [LegacyTreatNonObjectAsNull]: a non-object is null, which
      // deactivates the handler (removes its listener).
      if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        if (h !== undefined) {
          if (h.listener !== null) removeListener(this, h.listener);
          h.listener = null;
          h.value = null;
        }
        return;
      }
      if (h === undefined) h = handlers[name] = { value: null, listener: null };
      h.value = value;
      // Activate: the listener is added once, where the first handler was set.
      if (h.listener === null) {
        const target = this;
        h.listener = {
          type: name, capture: false, passive: false, once: false, signal: null, removed: false,
          // [The event handler processing algorithm]
          callback(event) {
            const fn = h.value;
            // A non-callable object does nothing (WebIDL: invoke a callback).
            if (typeof fn !== 'function') return;
            const rv = fn.call(target, event);
            // 5. A return value of false sets the event's canceled flag.
            if (rv === false) eventState(event).canceled = true;
          },
        };
        addListener(this, h.listener);
      }
    },
    enumerable: true,
    configurable: true,
  });
}

// ----------------------------------------------------------------------
// AbortSignal and AbortController

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #algorithms = null; // abort algorithms (functions)
  #dependent = false;
  #sources = null; // source signals (AbortSignal.any)
  #dependents = null; // dependent signals

  // AbortSignal has no constructor for routes.
  constructor(key = undefined) {
    if (key !== kIllegal) throw new TypeError('Illegal constructor');
    super();
  }

  static {
    newSignal = () => new AbortSignal(kIllegal);
    isAbortSignal = (s) => s !== null && typeof s === 'object' && #aborted in s;
    signalAborted = (s) => s.#aborted;
    addAbortAlgorithm = (s, fn) => {
      // [add]: https://dom.spec.whatwg.org/#abortsignal-add — nothing
      // to do once aborted.
      if (s.#aborted) return () => {};
      (s.#algorithms || (s.#algorithms = [])).push(fn);
      return () => {
        // [remove]: https://dom.spec.whatwg.org/#abortsignal-remove
        const l = s.#algorithms;
        if (l === null) return;
        const i = l.indexOf(fn);
        if (i >= 0) l.splice(i, 1);
      };
    };

    // [signal abort]: https://dom.spec.whatwg.org/#abortsignal-signal-abort
    signalAbort = (signal, reason) => {
      // 1. If signal is aborted, then return.
      if (signal.#aborted) return;
      // 2. Set signal's abort reason to reason if given, otherwise to a new
      // "AbortError" DOMException.
      signal.#aborted = true;
      signal.#reason = reason !== undefined ? reason : new DOMException('This operation was aborted', 'AbortError');
      // 3–4. Dependent signals not yet aborted take the same reason.
      const toAbort = [];
      const deps = signal.#dependents;
      if (deps !== null) {
        for (let i = 0; i < deps.length; i++) {
          const d = deps[i];
          if (!d.#aborted) {
            d.#aborted = true;
            d.#reason = signal.#reason;
            toAbort.push(d);
          }
        }
      }
      // Once aborted, a signal keeps no other signal alive.
      signal.#dependents = null;
      signal.#sources = null;
      // 5. Run the abort steps for signal.
      runAbortSteps(signal);
      // 6. Then for each dependent signal to abort.
      for (let i = 0; i < toAbort.length; i++) {
        toAbort[i].#sources = null;
        runAbortSteps(toAbort[i]);
      }
    };

    // [run the abort steps]: https://dom.spec.whatwg.org/#run-the-abort-steps
    runAbortSteps = (signal) => {
      // 1–2. Run each abort algorithm, then empty the list.
      const algorithms = signal.#algorithms;
      signal.#algorithms = null;
      if (algorithms !== null) {
        for (let i = 0; i < algorithms.length; i++) {
          try { algorithms[i](); } catch (e) { reportError(e); }
        }
      }
      // 3. Fire an event named abort at signal.
      fireEvent(signal, new Event('abort'));
    };

    // [create a dependent abort signal]: https://dom.spec.whatwg.org/#create-a-dependent-abort-signal
    createDependent = (signals) => {
      // 1. Let resultSignal be a new signal.
      const result = newSignal();
      // 2. If any signal is aborted, resultSignal takes its reason.
      for (let i = 0; i < signals.length; i++) {
        if (signals[i].#aborted) {
          result.#aborted = true;
          result.#reason = signals[i].#reason;
          return result;
        }
      }
      // 3. Set resultSignal's dependent to true.
      result.#dependent = true;
      result.#sources = [];
      // 4. Link it to each source signal (a dependent signal's sources
      // stand in for it).
      for (let i = 0; i < signals.length; i++) {
        const s = signals[i];
        if (!s.#dependent) {
          link(result, s);
        } else if (s.#sources !== null) {
          for (let j = 0; j < s.#sources.length; j++) link(result, s.#sources[j]);
        }
      }
      return result;
    };
    const link = (result, source) => {
      if (result.#sources.indexOf(source) < 0) result.#sources.push(source);
      const deps = source.#dependents || (source.#dependents = []);
      if (deps.indexOf(result) < 0) deps.push(result);
    };
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-abort
  static abort(reason = undefined) {
    const s = newSignal();
    signalAbort(s, reason);
    return s;
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-timeout
  static timeout(milliseconds) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'timeout' on 'AbortSignal'");
    // [EnforceRange] unsigned long long
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || Math.trunc(ms) < 0 || Math.trunc(ms) > Number.MAX_SAFE_INTEGER) {
      throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.");
    }
    // 1. Let signal be a new AbortSignal.
    const signal = newSignal();
    // 3. After milliseconds, signal abort with a "TimeoutError" DOMException.
    native.timeout(() => signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), Math.trunc(ms));
    return signal;
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-any
  static any(signals) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'any' on 'AbortSignal'");
    if (signals === null || (typeof signals !== 'object' && typeof signals !== 'function') || typeof signals[Symbol.iterator] !== 'function') {
      throw new TypeError("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.");
    }
    const list = Array.isArray(signals) ? signals : Array.from(signals);
    for (let i = 0; i < list.length; i++) {
      if (!isAbortSignal(list[i])) throw new TypeError("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
    }
    return createDependent(list);
  }

  get aborted() { return this.#aborted; }
  get reason() { return this.#reason; }

  // https://dom.spec.whatwg.org/#dom-abortsignal-throwifaborted
  throwIfAborted() {
    if (this.#aborted) throw this.#reason;
  }
}
defineEventHandler(AbortSignal.prototype, 'abort');
internals.tag(AbortSignal);

class AbortController {
  #signal;

  // https://dom.spec.whatwg.org/#dom-abortcontroller-abortcontroller
  constructor() {
    this.#signal = newSignal();
  }

  get signal() { return this.#signal; }

  // https://dom.spec.whatwg.org/#dom-abortcontroller-abort
  abort(reason = undefined) {
    signalAbort(this.#signal, reason);
  }
}
internals.tag(AbortController);

// [fire an event]: https://dom.spec.whatwg.org/#concept-event-fire — a
// trusted event, dispatched at target.
function fireEvent(target, event) {
  const s = eventState(event);
  s.isTrusted = true;
  return dispatch(target, event, s);
}

// PromiseRejectionEvent: the event of unhandledrejection/rejectionhandled.
// [PromiseRejectionEvent]: https://html.spec.whatwg.org/multipage/webappapis.html#the-promiserejectionevent-interface
class PromiseRejectionEvent extends Event {
  #promise;
  #reason;
  constructor(type, eventInitDict) {
    if (arguments.length < 2) internals.requiredArgs(arguments.length, 2, "'constructor' on 'PromiseRejectionEvent'");
    if (eventInitDict === null || typeof eventInitDict !== 'object' || !('promise' in eventInitDict)) {
      throw new TypeError("Failed to construct 'PromiseRejectionEvent': required member promise is undefined.");
    }
    super(type, eventInitDict);
    this.#promise = eventInitDict.promise;
    this.#reason = eventInitDict.reason;
  }
  get promise() { return this.#promise; }
  get reason() { return this.#reason; }
}

// FetchEvent as the edge runtime defines it (@edge-runtime/primitives):
// request, respondWith and waitUntil. Route handlers get Next's
// NextFetchEvent as their second argument; this is the global class.
// [FetchEvent]: https://w3c.github.io/ServiceWorker/#fetchevent-interface
class FetchEvent extends Event {
  #request;
  #response = null;
  #awaiting = [];
  constructor(type, eventInitDict) {
    if (arguments.length < 1) internals.requiredArgs(arguments.length, 1, "'constructor' on 'FetchEvent'");
    // The edge runtime's FetchEvent takes the request as its one argument.
    const request = typeof type === 'object' && type !== null ? type : eventInitDict && eventInitDict.request;
    super(typeof type === 'string' ? type : 'fetch', typeof type === 'string' ? eventInitDict : undefined);
    this.#request = request;
  }
  get request() { return this.#request; }
  get response() { return this.#response; }
  get awaiting() { return this.#awaiting; }
  respondWith(response) { this.#response = response; }
  waitUntil(promise) { this.#awaiting.push(Promise.resolve(promise)); }
}

internals.defineGlobal('Event', Event);
internals.defineGlobal('PromiseRejectionEvent', PromiseRejectionEvent);
internals.defineGlobal('FetchEvent', FetchEvent);
internals.defineGlobal('EventTarget', EventTarget);
internals.defineGlobal('AbortController', AbortController);
internals.defineGlobal('AbortSignal', AbortSignal);

// For other APIs (fetch, streams…).
internals.createAbortSignal = () => newSignal();
internals.abortSignal = (signal, reason) => signalAbort(signal, reason);
// addAbortAlgorithm(signal, fn) returns a function that removes fn again.
internals.addAbortAlgorithm = (signal, fn) => addAbortAlgorithm(signal, fn);
internals.isAbortSignal = (s) => isAbortSignal(s);
internals.fireEvent = fireEvent;
internals.defineEventHandler = defineEventHandler;
internals.Event = Event;
