// ECMAScript built-ins that V8 has and goja lacks, each defined only when
// missing, as a writable, configurable, non-enumerable property (ECMA-262
// §18 "ECMAScript Standard Built-in Objects"). Methods are written as
// object-literal methods so that, like built-ins, they have the right
// name and length and are not constructors.
// https://tc39.es/ecma262/

function define(target, methods) {
  const names = Object.getOwnPropertyNames(methods);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (Object.prototype.hasOwnProperty.call(target, name)) continue;
    Object.defineProperty(target, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

function isCallable(f) { return typeof f === 'function'; }

// IsConstructor(C): Reflect.construct throws when newTarget is not one.
function isConstructor(C) {
  if (typeof C !== 'function') return false;
  try { Reflect.construct(String, [], C); return true; } catch (e) { return false; }
}

function isObject(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }

// NewPromiseCapability(C) https://tc39.es/ecma262/#sec-newpromisecapability
function newPromiseCapability(C) {
  if (!isConstructor(C)) throw new TypeError('Promise resolve or reject function is not callable');
  let resolve, reject;
  const promise = new C((res, rej) => {
    if (resolve !== undefined || reject !== undefined) throw new TypeError('Promise executor has already been invoked with non-undefined arguments');
    resolve = res;
    reject = rej;
  });
  if (!isCallable(resolve) || !isCallable(reject)) throw new TypeError('Promise resolve or reject function is not callable');
  return { promise, resolve, reject };
}

// ToPropertyKey, as a computed member key does it.
function toPropertyKey(v) { return typeof v === 'symbol' ? v : String(v); }

function toLength(v) {
  let n = Number(v);
  if (n !== n || n <= 0) return 0;
  n = Math.trunc(n);
  return n > Number.MAX_SAFE_INTEGER ? Number.MAX_SAFE_INTEGER : n;
}

function createDataProperty(o, k, value) {
  Object.defineProperty(o, k, { value, writable: true, enumerable: true, configurable: true });
}

// GroupBy(items, callback, keyCoercion) https://tc39.es/ecma262/#sec-groupby
// Returns the groups as [key, values] pairs in first-seen order.
function groupBy(items, callback, property) {
  if (items === undefined || items === null) throw new TypeError(`${items} is not iterable`);
  if (!isCallable(callback)) throw new TypeError(`${typeof callback === 'string' ? JSON.stringify(callback) : String(callback)} is not a function`);
  const keys = [];
  const lists = new Map();
  const iterator = items[Symbol.iterator]();
  let k = 0;
  for (;;) {
    const next = iterator.next();
    if (next.done) break;
    const value = next.value;
    let key;
    try {
      key = callback(value, k);
      if (property) key = toPropertyKey(key);
      else if (key === 0) key = 0; // -0 becomes +0
    } catch (e) {
      if (typeof iterator.return === 'function') { try { iterator.return(); } catch (e2) { /* the callback's error wins */ } }
      throw e;
    }
    let list = lists.get(key);
    if (list === undefined) { list = []; lists.set(key, list); keys.push(key); }
    list.push(value);
    k++;
  }
  return { keys, lists };
}

define(Promise, {
  // https://tc39.es/ecma262/#sec-promise.withResolvers
  withResolvers() {
    const c = newPromiseCapability(this);
    return { promise: c.promise, resolve: c.resolve, reject: c.reject };
  },
  // https://tc39.es/ecma262/#sec-promise.try
  try(callbackfn) {
    const C = this;
    if (!isObject(C)) throw new TypeError('Promise.try called on non-object');
    const c = newPromiseCapability(C);
    const args = [];
    for (let i = 1; i < arguments.length; i++) args.push(arguments[i]);
    let result;
    try {
      result = Reflect.apply(callbackfn, undefined, args);
    } catch (e) {
      c.reject(e);
      return c.promise;
    }
    c.resolve(result);
    return c.promise;
  },
});

define(Object, {
  // https://tc39.es/ecma262/#sec-object.groupby
  groupBy(items, callback) {
    const g = groupBy(items, callback, true);
    const obj = Object.create(null);
    for (let i = 0; i < g.keys.length; i++) createDataProperty(obj, g.keys[i], g.lists.get(g.keys[i]));
    return obj;
  },
});

define(Map, {
  // https://tc39.es/ecma262/#sec-map.groupby
  groupBy(items, callback) {
    const g = groupBy(items, callback, false);
    const map = new Map();
    for (let i = 0; i < g.keys.length; i++) map.set(g.keys[i], g.lists.get(g.keys[i]));
    return map;
  },
});

define(Array, {
  // https://tc39.es/proposal-array-from-async/#sec-array.fromAsync
  fromAsync(asyncItems) {
    const C = this;
    const mapfn = arguments[1];
    const thisArg = arguments[2];
    return (async () => {
      const mapping = mapfn !== undefined;
      if (mapping && !isCallable(mapfn)) throw new TypeError(`${String(mapfn)} is not a function`);
      if (asyncItems === undefined || asyncItems === null) throw new TypeError(`${asyncItems} is not iterable`);
      let usingAsyncIterator = asyncItems[Symbol.asyncIterator];
      if (usingAsyncIterator === null) usingAsyncIterator = undefined;
      let usingSyncIterator;
      if (usingAsyncIterator === undefined) {
        usingSyncIterator = asyncItems[Symbol.iterator];
        if (usingSyncIterator === null) usingSyncIterator = undefined;
      }
      if (usingAsyncIterator !== undefined || usingSyncIterator !== undefined) {
        if (usingAsyncIterator !== undefined && !isCallable(usingAsyncIterator)) throw new TypeError(`${String(usingAsyncIterator)} is not a function`);
        if (usingSyncIterator !== undefined && !isCallable(usingSyncIterator)) throw new TypeError(`${String(usingSyncIterator)} is not a function`);
        const A = isConstructor(C) ? new C() : [];
        const iterator = Reflect.apply(usingAsyncIterator !== undefined ? usingAsyncIterator : usingSyncIterator, asyncItems, []);
        if (!isObject(iterator)) throw new TypeError(`Result of the Symbol.${usingAsyncIterator !== undefined ? 'asyncIterator' : 'iterator'} method is not an object`);
        const nextMethod = iterator.next;
        const close = async () => {
          const ret = iterator.return;
          if (ret !== undefined && ret !== null) {
            const r = Reflect.apply(ret, iterator, []);
            if (usingAsyncIterator !== undefined) await r;
          }
        };
        let k = 0;
        for (;;) {
          let next = Reflect.apply(nextMethod, iterator, []);
          if (usingAsyncIterator !== undefined) next = await next;
          if (!isObject(next)) throw new TypeError(`Iterator result ${String(next)} is not an object`);
          if (next.done) {
            A.length = k;
            return A;
          }
          let value = next.value;
          try {
            // CreateAsyncFromSyncIterator awaits each value of a sync iterator.
            if (usingSyncIterator !== undefined) value = await value;
            if (mapping) value = await Reflect.apply(mapfn, thisArg, [value, k]);
            createDataProperty(A, k, value);
          } catch (e) {
            try { await close(); } catch (e2) { /* the first error wins */ }
            throw e;
          }
          k++;
        }
      }
      // An array-like.
      const arrayLike = Object(asyncItems);
      const len = toLength(arrayLike.length);
      const A = isConstructor(C) ? new C(len) : new Array(len);
      for (let k = 0; k < len; k++) {
        let value = await arrayLike[k];
        if (mapping) value = await Reflect.apply(mapfn, thisArg, [value, k]);
        createDataProperty(A, k, value);
      }
      A.length = len;
      return A;
    })();
  },
});

function thisString(v, method) {
  if (v === undefined || v === null) throw new TypeError(`String.prototype.${method} called on null or undefined`);
  return String(v);
}

define(String.prototype, {
  // https://tc39.es/ecma262/#sec-string.prototype.iswellformed
  isWellFormed() {
    const s = thisString(this, 'isWellFormed');
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xD800 || c > 0xDFFF) continue;
      if (c > 0xDBFF || i + 1 >= s.length) return false;
      const d = s.charCodeAt(i + 1);
      if (d < 0xDC00 || d > 0xDFFF) return false;
      i++;
    }
    return true;
  },
  // https://tc39.es/ecma262/#sec-string.prototype.towellformed
  toWellFormed() {
    const s = thisString(this, 'toWellFormed');
    let out = '';
    let from = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xD800 || c > 0xDFFF) continue;
      if (c <= 0xDBFF && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { i++; continue; }
      }
      out += s.slice(from, i) + '\uFFFD';
      from = i + 1;
    }
    return from === 0 ? s : out + s.slice(from);
  },
});

// V8's stack trace API: Error.captureStackTrace(targetObject, constructorOpt)
// and Error.stackTraceLimit. https://v8.dev/docs/stack-trace-api
if (!Object.prototype.hasOwnProperty.call(Error, 'stackTraceLimit')) {
  Error.stackTraceLimit = 10; // enumerable, as in V8
}
const stackFrames = native.stackFrames;
define(Error, {
  captureStackTrace(targetObject, constructorOpt) {
    if (!isObject(targetObject)) throw new TypeError('invalid_argument');
    // The header is ErrorUtils::ToString(targetObject), as V8 writes it.
    let name = targetObject.name;
    name = name === undefined ? 'Error' : String(name);
    let message = targetObject.message;
    message = message === undefined ? '' : String(message);
    const header = name === '' ? message : message === '' ? name : `${name}: ${message}`;
    const limit = Error.stackTraceLimit;
    const frames = typeof limit === 'number'
      ? (isCallable(constructorOpt) ? stackFrames(limit, constructorOpt, String(constructorOpt.name)) : stackFrames(limit))
      : '';
    Object.defineProperty(targetObject, 'stack', { value: header + frames, writable: true, enumerable: false, configurable: true });
  },
});

// Iterator helpers: the Iterator global and Iterator.prototype.map, filter,
// take, drop, flatMap, reduce, toArray, forEach, some, every, find, and
// Iterator.from. https://tc39.es/ecma262/#sec-iterator-objects
if (typeof global.Iterator !== 'function') {
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

  // %Iterator%: abstract; `new Iterator()` throws, subclasses construct.
  const Iterator = function Iterator() {
    if (new.target === undefined || new.target === Iterator) throw new TypeError('Abstract class Iterator not directly constructable');
  };
  Object.defineProperty(Iterator, 'prototype', { value: IteratorPrototype, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(IteratorPrototype, 'constructor', { value: Iterator, writable: true, enumerable: false, configurable: true });
  if (!Object.prototype.hasOwnProperty.call(IteratorPrototype, Symbol.toStringTag)) {
    Object.defineProperty(IteratorPrototype, Symbol.toStringTag, { value: 'Iterator', writable: true, enumerable: false, configurable: true });
  }

  // GetIteratorDirect(obj)
  const direct = (obj, method) => {
    if (!isObject(obj)) throw new TypeError(`Iterator.prototype.${method} called on non-object`);
    return { iterator: obj, next: obj.next };
  };
  const step = (rec) => {
    const r = Reflect.apply(rec.next, rec.iterator, []);
    if (!isObject(r)) throw new TypeError(`Iterator result ${String(r)} is not an object`);
    return r;
  };
  const closeIter = (iterator) => {
    const ret = iterator.return;
    if (ret !== undefined && ret !== null) Reflect.apply(ret, iterator, []);
  };
  const closeAndThrow = (iterator, e) => {
    try { closeIter(iterator); } catch (e2) { /* the first error wins */ }
    throw e;
  };
  const toIntegerOrInfinity = (v, method) => {
    const n = Number(v);
    if (n !== n) throw new RangeError(`${String(v)} must be positive`);
    const i = Math.trunc(n);
    if (i < 0) throw new RangeError(`${String(v)} must be positive`);
    return i;
  };

  // %IteratorHelperPrototype%: next() runs the helper's step function,
  // return() closes the underlying iterator.
  const IteratorHelperPrototype = Object.create(IteratorPrototype);
  const helpers = new WeakMap();
  define(IteratorHelperPrototype, {
    next() {
      const h = helpers.get(this);
      if (h === undefined) throw new TypeError('Iterator helper method called on incompatible receiver');
      if (h.running) throw new TypeError('Generator is already running');
      if (h.done) return { value: undefined, done: true };
      h.running = true;
      try {
        const r = h.step();
        if (r === DONE) { h.done = true; return { value: undefined, done: true }; }
        return { value: r, done: false };
      } catch (e) {
        h.done = true;
        throw e;
      } finally {
        h.running = false;
      }
    },
    return() {
      const h = helpers.get(this);
      if (h === undefined) throw new TypeError('Iterator helper method called on incompatible receiver');
      if (h.running) throw new TypeError('Generator is already running');
      if (!h.done) {
        h.done = true;
        if (h.inner) { const inner = h.inner; h.inner = null; try { closeIter(inner); } catch (e) { closeAndThrow(h.rec.iterator, e); } }
        closeIter(h.rec.iterator);
      }
      return { value: undefined, done: true };
    },
  });
  Object.defineProperty(IteratorHelperPrototype, Symbol.toStringTag, { value: 'Iterator Helper', writable: false, enumerable: false, configurable: true });
  const DONE = {};
  const helper = (rec, stepFn) => {
    const it = Object.create(IteratorHelperPrototype);
    const h = { rec, step: null, done: false, running: false, inner: null };
    h.step = () => stepFn(h);
    helpers.set(it, h);
    return it;
  };

  // %WrapForValidIteratorPrototype%, for Iterator.from.
  const WrapForValidIteratorPrototype = Object.create(IteratorPrototype);
  const wrapped = new WeakMap();
  define(WrapForValidIteratorPrototype, {
    next() {
      const rec = wrapped.get(this);
      if (rec === undefined) throw new TypeError('next method called on incompatible receiver');
      return Reflect.apply(rec.next, rec.iterator, []);
    },
    return() {
      const rec = wrapped.get(this);
      if (rec === undefined) throw new TypeError('return method called on incompatible receiver');
      const ret = rec.iterator.return;
      if (ret === undefined || ret === null) return { value: undefined, done: true };
      return Reflect.apply(ret, rec.iterator, []);
    },
  });

  define(Iterator, {
    from(O) {
      let rec;
      if (typeof O === 'string' || isObject(O)) {
        const method = O[Symbol.iterator];
        if (method === undefined || method === null) {
          if (!isObject(O)) throw new TypeError(`${String(O)} is not an object`);
          rec = { iterator: O, next: O.next };
        } else {
          if (!isCallable(method)) throw new TypeError(`${String(method)} is not a function`);
          const iterator = Reflect.apply(method, O, []);
          if (!isObject(iterator)) throw new TypeError('Result of the Symbol.iterator method is not an object');
          rec = { iterator, next: iterator.next };
        }
      } else {
        throw new TypeError(`${String(O)} is not an object`);
      }
      if (rec.iterator instanceof Iterator) return rec.iterator;
      const w = Object.create(WrapForValidIteratorPrototype);
      wrapped.set(w, rec);
      return w;
    },
  });

  const needFn = (rec, fn) => {
    if (!isCallable(fn)) closeAndThrow(rec.iterator, new TypeError(`${String(fn)} is not a function`));
  };

  define(IteratorPrototype, {
    map(mapper) {
      const rec = direct(this, 'map');
      needFn(rec, mapper);
      let counter = 0;
      return helper(rec, () => {
        const r = step(rec);
        if (r.done) return DONE;
        try { return mapper(r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
      });
    },
    filter(predicate) {
      const rec = direct(this, 'filter');
      needFn(rec, predicate);
      let counter = 0;
      return helper(rec, () => {
        for (;;) {
          const r = step(rec);
          if (r.done) return DONE;
          let keep;
          try { keep = predicate(r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
          if (keep) return r.value;
        }
      });
    },
    take(limit) {
      const rec = direct(this, 'take');
      let remaining;
      try { remaining = toIntegerOrInfinity(limit); } catch (e) { closeAndThrow(rec.iterator, e); }
      return helper(rec, () => {
        if (remaining === 0) { closeIter(rec.iterator); return DONE; }
        if (remaining !== Infinity) remaining--;
        const r = step(rec);
        return r.done ? DONE : r.value;
      });
    },
    drop(limit) {
      const rec = direct(this, 'drop');
      let remaining;
      try { remaining = toIntegerOrInfinity(limit); } catch (e) { closeAndThrow(rec.iterator, e); }
      return helper(rec, () => {
        while (remaining > 0) {
          if (remaining !== Infinity) remaining--;
          const r = step(rec);
          if (r.done) return DONE;
        }
        const r = step(rec);
        return r.done ? DONE : r.value;
      });
    },
    flatMap(mapper) {
      const rec = direct(this, 'flatMap');
      needFn(rec, mapper);
      let counter = 0;
      return helper(rec, (h) => {
        for (;;) {
          if (h.inner) {
            let r;
            try { r = step(h.innerRec); } catch (e) { h.inner = null; closeAndThrow(rec.iterator, e); }
            if (!r.done) return r.value;
            h.inner = null;
            continue;
          }
          const r = step(rec);
          if (r.done) return DONE;
          try {
            const mapped = mapper(r.value, counter++);
            // GetIteratorFlattenable(mapped, reject-primitives)
            if (!isObject(mapped)) throw new TypeError(`${String(mapped)} is not an object`);
            const method = mapped[Symbol.iterator];
            const inner = method === undefined || method === null ? mapped : Reflect.apply(method, mapped, []);
            if (!isObject(inner)) throw new TypeError(`${String(inner)} is not an object`);
            h.inner = inner;
            h.innerRec = { iterator: inner, next: inner.next };
          } catch (e) { closeAndThrow(rec.iterator, e); }
        }
      });
    },
    reduce(reducer) {
      const rec = direct(this, 'reduce');
      needFn(rec, reducer);
      let acc;
      let counter = 0;
      if (arguments.length < 2) {
        const r = step(rec);
        if (r.done) throw new TypeError('Reduce of empty iterator with no initial value');
        acc = r.value;
        counter = 1;
      } else {
        acc = arguments[1];
      }
      for (;;) {
        const r = step(rec);
        if (r.done) return acc;
        try { acc = reducer(acc, r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
      }
    },
    toArray() {
      const rec = direct(this, 'toArray');
      const out = [];
      for (;;) {
        const r = step(rec);
        if (r.done) return out;
        out.push(r.value);
      }
    },
    forEach(fn) {
      const rec = direct(this, 'forEach');
      needFn(rec, fn);
      let counter = 0;
      for (;;) {
        const r = step(rec);
        if (r.done) return undefined;
        try { fn(r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
      }
    },
    some(predicate) {
      const rec = direct(this, 'some');
      needFn(rec, predicate);
      let counter = 0;
      for (;;) {
        const r = step(rec);
        if (r.done) return false;
        let v;
        try { v = predicate(r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
        if (v) { closeIter(rec.iterator); return true; }
      }
    },
    every(predicate) {
      const rec = direct(this, 'every');
      needFn(rec, predicate);
      let counter = 0;
      for (;;) {
        const r = step(rec);
        if (r.done) return true;
        let v;
        try { v = predicate(r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
        if (!v) { closeIter(rec.iterator); return false; }
      }
    },
    find(predicate) {
      const rec = direct(this, 'find');
      needFn(rec, predicate);
      let counter = 0;
      for (;;) {
        const r = step(rec);
        if (r.done) return undefined;
        let v;
        try { v = predicate(r.value, counter++); } catch (e) { closeAndThrow(rec.iterator, e); }
        if (v) { closeIter(rec.iterator); return r.value; }
      }
    },
  });

  Object.defineProperty(global, 'Iterator', { value: Iterator, writable: true, enumerable: false, configurable: true });
}


// RegExp with \p{…} built from strings at run time (`new RegExp('\\p{L}',
// 'u')`, as zod builds some of its patterns): goja's Go-regexp path
// matches the literal text "p{L}" there. The bundler fixes regex literals;
// this wrapper does the same for the constructor — the pattern gets an
// empty lookahead (which sends it to goja's regexp2 engine, where \p{…}
// works) and the property names regexp2 spells differently — and throws
// for a property edgeplay cannot run, rather than match the wrong text.
// [RegExp]: https://tc39.es/ecma262/#sec-regexp-pattern-flags
{
  const OriginalRegExp = global.RegExp;
  const rewrite = native.rewriteUnicodeProps;
  const UNSUPPORTED = 1;
  const RegExp = function RegExp(pattern, flags) {
    let src = pattern;
    let fl = flags;
    if (pattern instanceof OriginalRegExp) {
      if (new.target === undefined && flags === undefined && pattern.constructor === RegExp) return pattern;
      src = pattern.source;
      if (fl === undefined) fl = pattern.flags;
    }
    if (typeof src === 'string' && fl !== undefined) {
      const f = String(fl);
      if ((f.indexOf('u') >= 0 || f.indexOf('v') >= 0) && (src.indexOf('\\p{') >= 0 || src.indexOf('\\P{') >= 0) && src.slice(0, 4) !== '(?=)') {
        const r = rewrite(src);
        if (r[1] !== '') {
          if (r[2] === UNSUPPORTED) {
            throw new SyntaxError(`Invalid regular expression: /${src}/${f}: edgeplay's runtime cannot run the unicode property \\p{${r[1]}} (it would match the wrong text). General categories, scripts (Script=…), White_Space and the emoji properties work.`);
          }
          throw new SyntaxError(`Invalid regular expression: /${src}/${f}: Invalid property name`);
        }
        src = r[0];
      }
    }
    const args = fl === undefined ? [src] : [src, fl];
    return Reflect.construct(OriginalRegExp, args, new.target === undefined ? RegExp : new.target);
  };
  Object.defineProperty(RegExp, 'prototype', { value: OriginalRegExp.prototype, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(RegExp, 'length', { value: 2, configurable: true });
  Object.setPrototypeOf(RegExp, OriginalRegExp); // statics (Symbol.species, …) come along
  Object.defineProperty(OriginalRegExp.prototype, 'constructor', { value: RegExp, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(global, 'RegExp', { value: RegExp, writable: true, enumerable: false, configurable: true });
}
