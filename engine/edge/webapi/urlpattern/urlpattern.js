// [URLPattern]: https://urlpattern.spec.whatwg.org/#urlpattern-class
//
// Parsing, canonicalisation and matching are Go's (urlpattern.go); this
// file is the WebIDL surface: argument conversion, the component getters,
// and the URLPatternResult objects.

const COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

// [URLPatternInit]: a dictionary, flattened for Go as 8 components +
// baseURL, each a USVString or undefined.
function flattenInit(init, what) {
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError(`Failed to execute '${what}' on 'URLPattern': The provided value is not of type '(URLPatternInit or USVString)'.`);
  }
  const flat = [];
  // Dictionary members are read in lexicographic order (WebIDL).
  const order = ['baseURL', 'hash', 'hostname', 'password', 'pathname', 'port', 'protocol', 'search', 'username'];
  const got = { __proto__: null };
  for (let i = 0; i < order.length; i++) {
    const v = init[order[i]];
    got[order[i]] = v === undefined ? undefined : internals.toUSVString(v);
  }
  for (let i = 0; i < COMPONENTS.length; i++) flat.push(got[COMPONENTS[i]]);
  flat.push(got.baseURL);
  return flat;
}

// The copy of an init dictionary that exec() reports in result.inputs.
function initCopy(flat) {
  const out = {};
  for (let i = 0; i < COMPONENTS.length; i++) if (flat[i] !== undefined) out[COMPONENTS[i]] = flat[i];
  if (flat[8] !== undefined) out.baseURL = flat[8];
  return out;
}

function readOptions(options, what) {
  if (options === undefined || options === null) return false;
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw new TypeError(`Failed to ${what} 'URLPattern': The provided value is not of type 'URLPatternOptions'.`);
  }
  return Boolean(options.ignoreCase);
}

let patternOf;
class URLPattern {
  #handle;
  #parts; // the 8 pattern strings, then hasRegExpGroups

  // https://urlpattern.spec.whatwg.org/#dom-urlpattern-urlpattern
  // constructor(input, baseURL, options) and constructor(input, options).
  constructor(input = undefined, baseURL = undefined, options = undefined) {
    let base = undefined;
    let opts = options;
    if (typeof baseURL === 'string' || (baseURL !== undefined && baseURL !== null && typeof baseURL !== 'object' && typeof baseURL !== 'function')) {
      base = internals.toUSVString(baseURL);
    } else if (arguments.length === 2 || (baseURL !== undefined && options === undefined)) {
      opts = baseURL; // the (input, options) overload
    }
    const ignoreCase = readOptions(opts, 'construct');
    let r;
    if (typeof input === 'string' || (input !== undefined && input !== null && typeof input !== 'object' && typeof input !== 'function')) {
      r = native.compile(internals.toUSVString(input), base, undefined, ignoreCase);
    } else {
      // 1. An init dictionary with a baseURL argument is a TypeError.
      if (base !== undefined) throw new TypeError("Failed to construct 'URLPattern': Invalid second argument baseURL provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead.");
      r = native.compile(undefined, undefined, flattenInit(input === undefined || input === null ? {} : input, 'construct'), ignoreCase);
    }
    this.#handle = r[0];
    this.#parts = r;
  }

  static {
    patternOf = (p) => (p !== null && typeof p === 'object' && #handle in p ? p : undefined);
  }

  get protocol() { return this.#parts[1]; }
  get username() { return this.#parts[2]; }
  get password() { return this.#parts[3]; }
  get hostname() { return this.#parts[4]; }
  get port() { return this.#parts[5]; }
  get pathname() { return this.#parts[6]; }
  get search() { return this.#parts[7]; }
  get hash() { return this.#parts[8]; }
  get hasRegExpGroups() { return this.#parts[9]; }

  // https://urlpattern.spec.whatwg.org/#dom-urlpattern-test
  test(input = undefined, baseURL = undefined) {
    return this.#match(input, baseURL, 'test') !== null;
  }

  // https://urlpattern.spec.whatwg.org/#dom-urlpattern-exec
  exec(input = undefined, baseURL = undefined) {
    const m = this.#match(input, baseURL, 'exec');
    if (m === null) return null;
    // [URLPatternResult]: inputs, then one URLPatternComponentResult
    // {input, groups} per component.
    const result = { inputs: m.inputs };
    const inputs = m.r[0], groups = m.r[1];
    for (let i = 0; i < COMPONENTS.length; i++) {
      const g = {};
      const flat = groups[i];
      for (let j = 0; j < flat.length; j += 2) g[flat[j]] = flat[j + 1];
      result[COMPONENTS[i]] = { input: inputs[i], groups: g };
    }
    return result;
  }

  #match(input, baseURL, what) {
    if (typeof input === 'string' || (input !== undefined && input !== null && typeof input !== 'object' && typeof input !== 'function')) {
      const s = internals.toUSVString(input);
      const base = baseURL === undefined ? undefined : internals.toUSVString(baseURL);
      const r = native.exec(this.#handle, s, base, undefined);
      return r === null ? null : { r, inputs: base === undefined ? [s] : [s, base] };
    }
    // An init dictionary with a baseURL argument is a TypeError.
    if (baseURL !== undefined) throw new TypeError(`Failed to execute '${what}' on 'URLPattern': Invalid second argument baseURL provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead.`);
    const flat = flattenInit(input === undefined || input === null ? {} : input, what);
    const r = native.exec(this.#handle, undefined, undefined, flat);
    return r === null ? null : { r, inputs: [initCopy(flat)] };
  }
}
internals.tag(URLPattern);
// WebIDL attributes are enumerable.
for (const k of COMPONENTS.concat(['hasRegExpGroups', 'test', 'exec'])) {
  Object.defineProperty(URLPattern.prototype, k, { enumerable: true });
}
internals.defineGlobal('URLPattern', URLPattern);
internals.isURLPattern = (p) => patternOf(p) !== undefined;
