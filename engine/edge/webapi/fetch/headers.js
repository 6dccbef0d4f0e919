// [Headers]: https://fetch.spec.whatwg.org/#headers-class
// A header list is a flat array [name0, value0, name1, value1, …] with
// lower-cased names: cheap to build from Go and to hand back to Go, and
// walked with index loops (goja's iterator protocol is slow on hot paths).

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const badValueRe = /[\0\r\n]/;
const trimRe = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function normalizeValue(v) {
  // [normalize]: strip leading and trailing HTTP whitespace bytes.
  return String(v).replace(trimRe, '');
}

function checkName(name, what) {
  if (!tokenRe.test(name)) throw new TypeError(`Headers.${what}: "${name}" is an invalid header name.`);
}

function checkValue(value, what) {
  if (badValueRe.test(value)) throw new TypeError(`Headers.${what}: "${value}" is an invalid header value.`);
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) > 0xff) throw new TypeError(`Headers.${what}: "${value}" is an invalid header value.`);
  }
}

const kGuard = Symbol('guard');

class Headers {
  #list = [];
  #guard = 'none';

  constructor(init = undefined) {
    if (init === kGuard) return; // internal: empty list, filled by headersFromList
    if (init !== undefined && init !== null) fill(this, init);
    else if (init === null) throw new TypeError("Headers constructor: init can't be null.");
  }

  append(name, value) {
    internals.requiredArgs(arguments.length, 2, "'append' on 'Headers'");
    name = String(name);
    value = normalizeValue(value);
    checkName(name, 'append');
    checkValue(value, 'append');
    this.#checkGuard();
    this.#list.push(name.toLowerCase(), value);
  }

  delete(name) {
    internals.requiredArgs(arguments.length, 1, "'delete' on 'Headers'");
    name = String(name);
    checkName(name, 'delete');
    this.#checkGuard();
    const key = name.toLowerCase();
    const l = this.#list;
    let w = 0;
    for (let r = 0; r < l.length; r += 2) {
      if (l[r] !== key) { l[w] = l[r]; l[w + 1] = l[r + 1]; w += 2; }
    }
    l.length = w;
  }

  get(name) {
    internals.requiredArgs(arguments.length, 1, "'get' on 'Headers'");
    name = String(name);
    checkName(name, 'get');
    return getCombined(this.#list, name.toLowerCase());
  }

  getSetCookie() {
    const out = [];
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === 'set-cookie') out.push(l[i + 1]);
    return out;
  }

  has(name) {
    internals.requiredArgs(arguments.length, 1, "'has' on 'Headers'");
    name = String(name);
    checkName(name, 'has');
    const key = name.toLowerCase();
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === key) return true;
    return false;
  }

  set(name, value) {
    internals.requiredArgs(arguments.length, 2, "'set' on 'Headers'");
    name = String(name);
    value = normalizeValue(value);
    checkName(name, 'set');
    checkValue(value, 'set');
    this.#checkGuard();
    setHeader(this.#list, name.toLowerCase(), value);
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    const pairs = sortAndCombine(this.#list);
    for (let i = 0; i < pairs.length; i += 2) callback.call(thisArg, pairs[i + 1], pairs[i], this);
  }

  entries() { return iterate(this, 'key+value'); }
  keys() { return iterate(this, 'key'); }
  values() { return iterate(this, 'value'); }
  [Symbol.iterator]() { return iterate(this, 'key+value'); }

  #checkGuard() {
    if (this.#guard === 'immutable') throw new TypeError('Headers are immutable');
  }

  static list(h) { return h.#list; }
  static setList(h, list) { h.#list = list; }
  static setGuard(h, g) { h.#guard = g; }
  static isHeaders(h) { return #list in h; }
}
internals.tag(Headers);

function fill(headers, init) {
  if (Headers.isHeaders(init)) {
    const l = Headers.list(init);
    for (let i = 0; i < l.length; i += 2) headers.append(l[i], l[i + 1]);
    return;
  }
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError("Headers constructor: init must be a sequence or a record.");
  }
  if (Array.isArray(init)) {
    for (let i = 0; i < init.length; i++) appendPair(headers, init[i]);
    return;
  }
  const iter = init[Symbol.iterator];
  if (iter !== undefined && iter !== null) {
    if (typeof iter !== 'function') throw new TypeError('Headers constructor: init is not iterable.');
    for (const pair of init) appendPair(headers, pair);
    return;
  }
  const keys = Reflect.ownKeys(init);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const desc = Reflect.getOwnPropertyDescriptor(init, k);
    if (desc === undefined || !desc.enumerable) continue;
    if (typeof k === 'symbol') throw new TypeError('Headers constructor: a record key cannot be a symbol.');
    headers.append(k, init[k]);
  }
}

function appendPair(headers, pair) {
  if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function')) {
    throw new TypeError('Headers constructor: expected name/value pair to be length 2, found 1.');
  }
  const p = Array.isArray(pair) ? pair : Array.from(pair);
  if (p.length !== 2) {
    throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${p.length}.`);
  }
  headers.append(p[0], p[1]);
}

function getCombined(l, key) {
  let out = null;
  for (let i = 0; i < l.length; i += 2) {
    if (l[i] === key) out = out === null ? l[i + 1] : out + ', ' + l[i + 1];
  }
  return out;
}

function setHeader(l, key, value) {
  let found = false;
  let w = 0;
  for (let r = 0; r < l.length; r += 2) {
    if (l[r] === key) {
      if (found) continue;
      found = true;
      l[w] = key; l[w + 1] = value; w += 2;
      continue;
    }
    l[w] = l[r]; l[w + 1] = l[r + 1]; w += 2;
  }
  l.length = w;
  if (!found) l.push(key, value);
}

// [sort and combine]: names sorted, values of the same name joined with
// ", ", except set-cookie whose values stay separate.
function sortAndCombine(l) {
  const names = [];
  for (let i = 0; i < l.length; i += 2) if (names.indexOf(l[i]) < 0) names.push(l[i]);
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = [];
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    if (n === 'set-cookie') {
      for (let j = 0; j < l.length; j += 2) if (l[j] === n) out.push(n, l[j + 1]);
    } else {
      out.push(n, getCombined(l, n));
    }
  }
  return out;
}

// The iterator is live per spec: it re-reads the sorted list at each step.
const HeadersIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
const kTarget = Symbol('target');
Object.defineProperty(HeadersIteratorPrototype, 'next', {
  value: function next() {
    const st = this[kTarget];
    if (!st) throw new TypeError("'next' called on an object that does not implement interface Headers Iterator.");
    const pairs = sortAndCombine(Headers.list(st.headers));
    if (st.index >= pairs.length) return { value: undefined, done: true };
    const i = st.index;
    st.index += 2;
    const value = st.kind === 'key' ? pairs[i] : st.kind === 'value' ? pairs[i + 1] : [pairs[i], pairs[i + 1]];
    return { value, done: false };
  },
  writable: true, configurable: true,
});
Object.defineProperty(HeadersIteratorPrototype, Symbol.toStringTag, { value: 'Headers Iterator', configurable: true });
function iterate(headers, kind) {
  const it = Object.create(HeadersIteratorPrototype);
  Object.defineProperty(it, kTarget, { value: { headers, kind, index: 0 } });
  return it;
}

internals.defineGlobal('Headers', Headers);
internals.Headers = Headers;
internals.headersList = Headers.list;
internals.isHeaders = Headers.isHeaders;
internals.setHeadersGuard = Headers.setGuard;
// headersFromList wraps a header list (already validated, names
// lower-cased) without copying; used for requests arriving from Go.
internals.headersFromList = function headersFromList(list) {
  const h = new Headers(kGuard);
  Headers.setList(h, list);
  return h;
};
internals.headerSet = setHeader;
internals.headerGet = getCombined;
