// [URL Standard]: https://url.spec.whatwg.org/
// [URL]: https://url.spec.whatwg.org/#url-class
// [URLSearchParams]: https://url.spec.whatwg.org/#interface-urlsearchparams
//
// A URL object holds #c = [href, offsets…] from Go (url.go: parts): the
// serialized URL and where each component starts and ends in it. Getters
// slice href; setters go through Go. Hot paths use index loops (goja's
// iterator protocol costs microseconds).

const requiredArgs = internals.requiredArgs;

// [USVString]: https://webidl.spec.whatwg.org/#es-USVString — lone
// surrogates become U+FFFD. (goja has no String.prototype.toWellFormed; a
// regexp test is the cheap check, the loop runs only when one is found.)
const surrogate = /[\uD800-\uDFFF]/;
function toUSV(v) {
  const s = typeof v === 'string' ? v : String(v);
  return surrogate.test(s) ? wellFormed(s) : s;
}
// For strings that go to Go: goja's conversion to a Go string already
// turns lone surrogates into U+FFFD.
function str(v) {
  return typeof v === 'string' ? v : String(v);
}
function wellFormed(s) {
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
    }
    out += s.slice(start, i) + '\ufffd';
    start = i + 1;
  }
  return out + s.slice(start);
}

// Indexes into #c (url.go mirrors them).
const HREF = 0, PROTOCOL_END = 1, USER_START = 2, USER_END = 3, PASS_START = 4, PASS_END = 5;
const HOST_START = 6, HOST_END = 7, PORT_END = 8, PATH_START = 9, SEARCH_START = 10, HASH_START = 11;

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

// Set by the classes' static blocks: what each needs of the other's state.
let linkParams;     // (url, query) -> a URLSearchParams whose list is query's, updating url
let resetParams;    // (params, query) -> replace params' list by the parse of query
let setURLQuery;    // (url, serializedQuery) -> set url's query ('' = null)
let serializeParams; // (params) -> application/x-www-form-urlencoded string
let isParams;       // brand check
let isURL;          // brand check

const kLinked = Symbol('linked');

// Append the pairs of a sequence<sequence<USVString>> to list.
// https://webidl.spec.whatwg.org/#es-sequence
function appendSequence(list, init) {
  if (Array.isArray(init)) {
    // Fast path for arrays (the common case): index loops.
    for (let i = 0; i < init.length; i++) appendPair(list, init[i]);
    return;
  }
  for (const pair of init) appendPair(list, pair);
}

function appendPair(list, pair) {
  let a;
  if (Array.isArray(pair)) a = pair;
  else if (pair !== null && (typeof pair === 'object' || typeof pair === 'function') && typeof pair[Symbol.iterator] === 'function') a = Array.from(pair);
  else throw new TypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.");
  // 1. If innerSequence's size is not 2, throw a TypeError.
  if (a.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
  // 2. Append (innerSequence[0], innerSequence[1]) to query's list.
  list.push(toUSV(a[0]), toUSV(a[1]));
}

class URLSearchParams {
  #list; // [name, value, name, value, …]; the same array for the object's lifetime (iterators see it live)
  #url = null; // the URL object whose query this is, if any

  // https://url.spec.whatwg.org/#dom-urlsearchparams-urlsearchparams
  constructor(init = '') {
    if (init === kLinked) {
      this.#list = [];
      return;
    }
    if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
      const list = [];
      if (#list in init) {
        // Another URLSearchParams is a sequence of its pairs.
        const l = init.#list;
        for (let i = 0; i < l.length; i++) list.push(l[i]);
      } else if (typeof init[Symbol.iterator] === 'function') {
        appendSequence(list, init);
      } else {
        // record<USVString, USVString>: own enumerable string keys.
        const keys = Reflect.ownKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          const d = Reflect.getOwnPropertyDescriptor(init, k);
          if (d === undefined || !d.enumerable) continue;
          if (typeof k === 'symbol') throw new TypeError("Failed to construct 'URLSearchParams': Cannot convert a Symbol value to a string");
          list.push(toUSV(k), toUSV(init[k]));
        }
      }
      this.#list = list;
      return;
    }
    // 1. If init is a string and starts with "?", remove the first code point.
    let s = toUSV(init);
    if (s.charCodeAt(0) === 63) s = s.slice(1);
    // 2. Initialize this with init: parse it as application/x-www-form-urlencoded.
    this.#list = native.formDecode(s);
  }

  static {
    linkParams = (url, query) => {
      const p = new URLSearchParams(kLinked);
      p.#url = url;
      p.#list = native.formDecode(query);
      return p;
    };
    resetParams = (p, query) => {
      const l = p.#list;
      const next = query === '' ? [] : native.formDecode(query);
      l.length = 0;
      for (let i = 0; i < next.length; i++) l.push(next[i]);
    };
    serializeParams = (p) => native.formEncode(p.#list);
    isParams = (p) => p !== null && typeof p === 'object' && #list in p;
  }

  // [update]: https://url.spec.whatwg.org/#concept-urlsearchparams-update
  #update() {
    // 1. If query's URL object is null, then return.
    if (this.#url === null) return;
    // 2–5. Serialize the list and set the URL's query to it ('' is null);
    // setURLQuery also strips an opaque path's trailing spaces then.
    setURLQuery(this.#url, native.formEncode(this.#list));
  }

  get size() { return this.#list.length >> 1; }

  append(name, value) {
    if (arguments.length < 2) requiredArgs(arguments.length, 2, "'append' on 'URLSearchParams'");
    this.#list.push(toUSV(name), toUSV(value));
    this.#update();
  }

  delete(name, value) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'delete' on 'URLSearchParams'");
    name = toUSV(name);
    // 1. If value is given, remove all tuples whose name is name and value
    // is value; 2. otherwise, remove all tuples whose name is name.
    const l = this.#list;
    const v = value === undefined ? undefined : toUSV(value);
    let j = 0;
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === name && (v === undefined || l[i + 1] === v)) continue;
      l[j] = l[i];
      l[j + 1] = l[i + 1];
      j += 2;
    }
    l.length = j;
    // 3. Run the update steps.
    this.#update();
  }

  get(name) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'get' on 'URLSearchParams'");
    name = toUSV(name);
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name) return l[i + 1];
    return null;
  }

  getAll(name) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'getAll' on 'URLSearchParams'");
    name = toUSV(name);
    const out = [];
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name) out.push(l[i + 1]);
    return out;
  }

  has(name, value) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'has' on 'URLSearchParams'");
    name = toUSV(name);
    const v = value === undefined ? undefined : toUSV(value);
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name && (v === undefined || l[i + 1] === v)) return true;
    return false;
  }

  set(name, value) {
    if (arguments.length < 2) requiredArgs(arguments.length, 2, "'set' on 'URLSearchParams'");
    name = toUSV(name);
    value = toUSV(value);
    // 1. If this's list contains a tuple whose name is name, set the value
    // of the first such tuple to value and remove the others.
    // 2. Otherwise, append (name, value).
    const l = this.#list;
    let found = false;
    let j = 0;
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === name) {
        if (found) continue;
        found = true;
        l[j] = name;
        l[j + 1] = value;
      } else {
        l[j] = l[i];
        l[j + 1] = l[i + 1];
      }
      j += 2;
    }
    l.length = j;
    if (!found) l.push(name, value);
    // 3. Run the update steps.
    this.#update();
  }

  // https://url.spec.whatwg.org/#dom-urlsearchparams-sort
  sort() {
    // 1. Sort all tuples by their names, comparing code units; equal names
    // keep their relative order (the index breaks ties, so any sort works).
    const l = this.#list;
    const n = l.length >> 1;
    const idx = new Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    idx.sort((a, b) => {
      const x = l[2 * a], y = l[2 * b];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    const copy = l.slice();
    for (let i = 0; i < n; i++) {
      l[2 * i] = copy[2 * idx[i]];
      l[2 * i + 1] = copy[2 * idx[i] + 1];
    }
    // 2. Run the update steps.
    this.#update();
  }

  // [forEach]: https://webidl.spec.whatwg.org/#es-forEach — over the live list.
  forEach(callback, thisArg = undefined) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'forEach' on 'URLSearchParams'");
    if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) callback.call(thisArg, l[i + 1], l[i], this);
  }

  keys() { return new URLSearchParamsIterator(this.#list, 0); }
  values() { return new URLSearchParamsIterator(this.#list, 1); }
  entries() { return new URLSearchParamsIterator(this.#list, 2); }

  // [stringification]: https://url.spec.whatwg.org/#urlsearchparams-stringification-behavior
  toString() { return native.formEncode(this.#list); }
}
internals.tag(URLSearchParams);
// The default iterator is entries itself (WebIDL pair iterators).
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: URLSearchParams.prototype.entries, writable: true, configurable: true,
});

// [Default iterator objects]: https://webidl.spec.whatwg.org/#es-default-iterator-object
// Index-based over the live list, as the spec's iterators are.
class URLSearchParamsIterator {
  #list;
  #kind; // 0 keys, 1 values, 2 entries
  #index = 0;
  constructor(list, kind) {
    this.#list = list;
    this.#kind = kind;
  }
  next() {
    if (this === null || typeof this !== 'object' || !(#list in this)) {
      throw new TypeError("'next' called on an object that is not a URLSearchParams Iterator");
    }
    const l = this.#list;
    const i = this.#index;
    if (i >= l.length) return { value: undefined, done: true };
    this.#index = i + 2;
    const k = this.#kind;
    return { value: k === 0 ? l[i] : k === 1 ? l[i + 1] : [l[i], l[i + 1]], done: false };
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
delete URLSearchParamsIterator.prototype.constructor;
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });

const specialOrigin = { 'http:': true, 'https:': true, 'ws:': true, 'wss:': true, 'ftp:': true };

class URL {
  #c; // [href, offsets…]
  #query = null; // the URLSearchParams object, made on first use

  // https://url.spec.whatwg.org/#dom-url-url
  constructor(url, base = undefined) {
    if (url === kLinked) return; // URL.parse fills #c itself
    // (`new URL()` and `new URL(undefined)` both throw a TypeError; testing
    // for undefined avoids `arguments`, which goja materializes per call.)
    if (url === undefined && base === undefined) requiredArgs(0, 1, "'constructor' on 'URL'");
    // 1–3. Parse url against base (a failure of either throws a TypeError).
    // 4. Initialize this with the result.
    this.#c = native.parse(str(url), base === undefined ? undefined : str(base));
  }

  // https://url.spec.whatwg.org/#dom-url-parse
  static parse(url, base = undefined) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'parse' on 'URL'");
    const c = native.parse(str(url), base === undefined ? undefined : str(base), true);
    if (c === null) return null;
    const u = new URL(kLinked);
    u.#c = c;
    return u;
  }

  // https://url.spec.whatwg.org/#dom-url-canparse
  static canParse(url, base = undefined) {
    if (arguments.length < 1) requiredArgs(arguments.length, 1, "'canParse' on 'URL'");
    return native.canParse(str(url), base === undefined ? undefined : str(base));
  }

  static createObjectURL(obj) {
    throw new Error('URL.createObjectURL is not supported by edgeplay yet');
  }

  static revokeObjectURL(url) {
    throw new Error('URL.revokeObjectURL is not supported by edgeplay yet');
  }

  static {
    isURL = (u) => u !== null && typeof u === 'object' && #c in u;
    setURLQuery = (u, q) => {
      const c = u.#c;
      const href = c[HREF];
      const hs = c[HASH_START];
      const pathEnd = c[SEARCH_START] >= 0 ? c[SEARCH_START] : hs >= 0 ? hs : href.length;
      if (q === '' && hs < 0 && href.charCodeAt(pathEnd - 1) === 32) {
        // A null query may strip an opaque path's trailing spaces: Go knows how.
        u.#c = native.set(href, 'search', '');
        return;
      }
      const hash = hs >= 0 ? href.slice(hs) : '';
      if (q === '') {
        c[HREF] = href.slice(0, pathEnd) + hash;
        c[SEARCH_START] = -1;
        c[HASH_START] = hs >= 0 ? pathEnd : -1;
      } else {
        c[HREF] = href.slice(0, pathEnd) + '?' + q + hash;
        c[SEARCH_START] = pathEnd;
        c[HASH_START] = hs >= 0 ? pathEnd + 1 + q.length : -1;
      }
    };
  }

  #set(attr, value) {
    this.#c = native.set(this.#c[HREF], attr, str(value));
  }

  // https://url.spec.whatwg.org/#dom-url-href
  get href() { return this.#c[HREF]; }
  set href(value) {
    // 1–2. Parse the value; failure throws a TypeError.
    // 3. Set this's URL to it.
    this.#c = native.parse(str(value));
    // 4–5. Empty the query object's list; parse the new query into it.
    if (this.#query !== null) resetParams(this.#query, this.#queryString());
  }

  // https://url.spec.whatwg.org/#dom-url-origin
  get origin() {
    const protocol = this.protocol;
    if (specialOrigin[protocol] === true) return protocol + '//' + this.host;
    if (protocol === 'blob:') return native.blobOrigin(this.pathname);
    return 'null';
  }

  get protocol() { return this.#c[HREF].slice(0, this.#c[PROTOCOL_END]); }
  set protocol(value) { this.#set('protocol', value); }

  get username() { const c = this.#c; return c[HREF].slice(c[USER_START], c[USER_END]); }
  set username(value) { this.#set('username', value); }

  get password() { const c = this.#c; return c[HREF].slice(c[PASS_START], c[PASS_END]); }
  set password(value) { this.#set('password', value); }

  get host() { const c = this.#c; return c[HREF].slice(c[HOST_START], c[PORT_END]); }
  set host(value) { this.#set('host', value); }

  get hostname() { const c = this.#c; return c[HREF].slice(c[HOST_START], c[HOST_END]); }
  set hostname(value) { this.#set('hostname', value); }

  get port() { const c = this.#c; return c[PORT_END] > c[HOST_END] ? c[HREF].slice(c[HOST_END] + 1, c[PORT_END]) : ''; }
  set port(value) { this.#set('port', value); }

  get pathname() {
    const c = this.#c;
    const end = c[SEARCH_START] >= 0 ? c[SEARCH_START] : c[HASH_START] >= 0 ? c[HASH_START] : c[HREF].length;
    return c[HREF].slice(c[PATH_START], end);
  }
  set pathname(value) { this.#set('pathname', value); }

  // The query without '?' ('' when null or empty).
  #queryString() {
    const c = this.#c;
    const s = c[SEARCH_START];
    if (s < 0) return '';
    return c[HREF].slice(s + 1, c[HASH_START] >= 0 ? c[HASH_START] : c[HREF].length);
  }

  // https://url.spec.whatwg.org/#dom-url-search
  get search() {
    const q = this.#queryString();
    return q === '' ? '' : '?' + q;
  }
  set search(value) {
    value = toUSV(value);
    // 2. The empty string sets the query to null and empties the list.
    // 3–5. Otherwise parse value (one leading '?' removed) in query state.
    this.#c = native.set(this.#c[HREF], 'search', value);
    // 6. Set the query object's list to the result of parsing input.
    if (this.#query !== null) resetParams(this.#query, value.charCodeAt(0) === 63 ? value.slice(1) : value);
  }

  // https://url.spec.whatwg.org/#dom-url-searchparams ([SameObject])
  get searchParams() {
    if (this.#query === null) this.#query = linkParams(this, this.#queryString());
    return this.#query;
  }

  // https://url.spec.whatwg.org/#dom-url-hash
  get hash() {
    const c = this.#c;
    const h = c[HASH_START];
    return h < 0 || h === c[HREF].length - 1 ? '' : c[HREF].slice(h);
  }
  set hash(value) { this.#set('hash', value); }

  toString() { return this.#c[HREF]; }
  toJSON() { return this.#c[HREF]; }
}
internals.tag(URL);

internals.defineGlobal('URL', URL);
internals.defineGlobal('URLSearchParams', URLSearchParams);

// For other APIs (fetch): brand check, serializer, and the URL parser.
internals.isURLSearchParams = isParams;
internals.URLSearchParamsToString = (p) => serializeParams(p);
// parseURL(input, base?) returns the serialized URL or throws a TypeError.
internals.parseURL = (input, base) => native.parse(str(input), base === undefined ? undefined : str(base))[HREF];

// console.log shows a URL's components, as Node does.
const previousInspect = internals.inspectCustom;
internals.inspectCustom = function inspectURL(o) {
  if (isURL(o)) {
    const keys = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
    const parts = [];
    for (let i = 0; i < keys.length; i++) parts.push(keys[i] + ': ' + JSON.stringify(o[keys[i]]));
    return 'URL { ' + parts.join(', ') + ' }';
  }
  if (isParams(o)) {
    const parts = [];
    o.forEach((v, k) => parts.push(JSON.stringify(k) + ' => ' + JSON.stringify(v)));
    return 'URLSearchParams { ' + parts.join(', ') + ' }';
  }
  return typeof previousInspect === 'function' ? previousInspect(o) : undefined;
};
