// [URL]: https://url.spec.whatwg.org/#url-class
// Components: [href, origin, protocol, username, password, host, hostname,
// port, pathname, search, hash].

class URLSearchParams {
  #list = []; // flat [name, value, …]
  #url = null; // the URL whose query this object is, if any

  constructor(init = '') {
    if (init === kLinked) return;
    if (init !== null && typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const p = Array.from(pair);
          if (p.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.");
          this.#list.push(internals.toUSVString(p[0]), internals.toUSVString(p[1]));
        }
      } else {
        const keys = Object.keys(init);
        for (let i = 0; i < keys.length; i++) this.#list.push(internals.toUSVString(keys[i]), internals.toUSVString(init[keys[i]]));
      }
      return;
    }
    let s = internals.toUSVString(init);
    if (s.charCodeAt(0) === 63) s = s.slice(1); // '?'
    this.#list = native.formDecode(s);
  }
  get size() { return this.#list.length / 2; }
  append(name, value) {
    internals.requiredArgs(arguments.length, 2, "'append' on 'URLSearchParams'");
    this.#list.push(internals.toUSVString(name), internals.toUSVString(value));
    this.#update();
  }
  delete(name, value) {
    internals.requiredArgs(arguments.length, 1, "'delete' on 'URLSearchParams'");
    name = internals.toUSVString(name);
    const l = this.#list;
    const out = [];
    const v = value === undefined ? undefined : internals.toUSVString(value);
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === name && (v === undefined || l[i + 1] === v)) continue;
      out.push(l[i], l[i + 1]);
    }
    this.#list = out;
    this.#update();
  }
  get(name) {
    internals.requiredArgs(arguments.length, 1, "'get' on 'URLSearchParams'");
    name = internals.toUSVString(name);
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name) return l[i + 1];
    return null;
  }
  getAll(name) {
    internals.requiredArgs(arguments.length, 1, "'getAll' on 'URLSearchParams'");
    name = internals.toUSVString(name);
    const out = [];
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name) out.push(l[i + 1]);
    return out;
  }
  has(name, value) {
    internals.requiredArgs(arguments.length, 1, "'has' on 'URLSearchParams'");
    name = internals.toUSVString(name);
    const v = value === undefined ? undefined : internals.toUSVString(value);
    const l = this.#list;
    for (let i = 0; i < l.length; i += 2) if (l[i] === name && (v === undefined || l[i + 1] === v)) return true;
    return false;
  }
  set(name, value) {
    internals.requiredArgs(arguments.length, 2, "'set' on 'URLSearchParams'");
    name = internals.toUSVString(name);
    value = internals.toUSVString(value);
    const l = this.#list;
    const out = [];
    let found = false;
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === name) {
        if (!found) out.push(name, value);
        found = true;
      } else out.push(l[i], l[i + 1]);
    }
    if (!found) out.push(name, value);
    this.#list = out;
    this.#update();
  }
  sort() {
    const pairs = [];
    for (let i = 0; i < this.#list.length; i += 2) pairs.push([this.#list[i], this.#list[i + 1], i]);
    // Stable, by UTF-16 code units.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
    const out = [];
    for (let i = 0; i < pairs.length; i++) out.push(pairs[i][0], pairs[i][1]);
    this.#list = out;
    this.#update();
  }
  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'Function'.");
    for (let i = 0; i < this.#list.length; i += 2) callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
  }
  keys() { return pairIterator(this.#list, 0); }
  values() { return pairIterator(this.#list, 1); }
  entries() { return pairIterator(this.#list, 2); }
  [Symbol.iterator]() { return pairIterator(this.#list, 2); }
  toString() { return native.formEncode(this.#list); }

  #update() {
    if (this.#url !== null) setQueryFromParams(this.#url, native.formEncode(this.#list));
  }
  static link(url, query) {
    const p = new URLSearchParams(kLinked);
    p.#url = url;
    p.#list = native.formDecode(query);
    return p;
  }
  static reset(p, query) { p.#list = native.formDecode(query); }
  static isParams(p) { return p !== null && typeof p === 'object' && #list in p; }
}
internals.tag(URLSearchParams);
const kLinked = Symbol('linked');

function pairIterator(list, kind) {
  const snapshot = list;
  let i = 0;
  const it = {
    next() {
      if (i >= snapshot.length) return { value: undefined, done: true };
      const n = snapshot[i], v = snapshot[i + 1];
      i += 2;
      return { value: kind === 0 ? n : kind === 1 ? v : [n, v], done: false };
    },
    [Symbol.iterator]() { return this; },
  };
  Object.defineProperty(it, Symbol.toStringTag, { value: 'URLSearchParams Iterator' });
  return it;
}

let setQueryFromParams;

class URL {
  #c;
  #params = null;
  constructor(url, base = undefined) {
    internals.requiredArgs(arguments.length, 1, "'constructor' on 'URL'");
    this.#c = native.parse(internals.toUSVString(url), base === undefined ? undefined : internals.toUSVString(base));
  }
  static canParse(url, base = undefined) {
    try { native.parse(internals.toUSVString(url), base === undefined ? undefined : internals.toUSVString(base)); return true; } catch (e) { return false; }
  }
  static parse(url, base = undefined) {
    try { return new URL(url, base); } catch (e) { return null; }
  }
  #set(component, value) {
    this.#c = native.set(this.#c[0], component, internals.toUSVString(value));
  }
  get href() { return this.#c[0]; }
  set href(v) {
    this.#c = native.parse(internals.toUSVString(v));
    if (this.#params !== null) URLSearchParams.reset(this.#params, this.#c[9].slice(1));
  }
  get origin() { return this.#c[1]; }
  get protocol() { return this.#c[2]; }
  set protocol(v) { this.#set('protocol', v); }
  get username() { return this.#c[3]; }
  set username(v) { this.#set('username', v); }
  get password() { return this.#c[4]; }
  set password(v) { this.#set('password', v); }
  get host() { return this.#c[5]; }
  set host(v) { this.#set('host', v); }
  get hostname() { return this.#c[6]; }
  set hostname(v) { this.#set('hostname', v); }
  get port() { return this.#c[7]; }
  set port(v) { this.#set('port', v); }
  get pathname() { return this.#c[8]; }
  set pathname(v) { this.#set('pathname', v); }
  get search() { return this.#c[9]; }
  set search(v) {
    this.#set('search', v);
    if (this.#params !== null) URLSearchParams.reset(this.#params, this.#c[9].slice(1));
  }
  get searchParams() {
    if (this.#params === null) this.#params = URLSearchParams.link(this, this.#c[9].slice(1));
    return this.#params;
  }
  get hash() { return this.#c[10]; }
  set hash(v) { this.#set('hash', v); }
  toString() { return this.#c[0]; }
  toJSON() { return this.#c[0]; }
  static setQuery(u, q) { u.#c = native.set(u.#c[0], 'search', q); }
}
internals.tag(URL);
setQueryFromParams = (u, q) => URL.setQuery(u, q);

internals.defineGlobal('URL', URL);
internals.defineGlobal('URLSearchParams', URLSearchParams);
internals.isURLSearchParams = URLSearchParams.isParams;
// parseURL returns the serialized URL or throws a TypeError.
internals.parseURL = (s, base) => native.parse(s, base)[0];
