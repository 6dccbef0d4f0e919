// [WebIDL]: https://webidl.spec.whatwg.org/

// goja has no Symbol.asyncIterator. esbuild's lowered `for await` looks for
// Symbol.asyncIterator and falls back to Symbol.for('Symbol.asyncIterator');
// defining it as that same symbol makes both agree.
if (typeof Symbol.asyncIterator !== 'symbol') {
  Object.defineProperty(Symbol, 'asyncIterator', { value: Symbol.for('Symbol.asyncIterator') });
}
// Interfaces are non-enumerable, writable, configurable properties of the
// global object; so are their prototype members.

internals.defineGlobal = function defineGlobal(name, value) {
  Object.defineProperty(global, name, { value, writable: true, enumerable: false, configurable: true });
};

// defineGlobalGetter is for globals that must throw or compute when touched.
internals.defineGlobalGetter = function defineGlobalGetter(name, get) {
  Object.defineProperty(global, name, { get, set(v) { Object.defineProperty(global, name, { value: v, writable: true, configurable: true }) }, enumerable: false, configurable: true });
};

// defineLazyGlobals installs globals whose module is built on first touch
// (set-up per isolate stays cheap for routes that never use them). load()
// builds the module once and returns it; value(mod, i) is the i-th name's
// value. On first touch every accessor still ours becomes a data property
// (a route that assigned its own value keeps it: the setter made that a
// data property already), so descriptors and instanceof read as for any
// global. Returns the loader, for internals that need the module.
internals.defineLazyGlobals = function defineLazyGlobals(names, load, value) {
  const getters = { __proto__: null };
  let mod = null;
  function get() {
    if (mod !== null) return mod;
    mod = load();
    for (let i = 0; i < names.length; i++) {
      const d = Object.getOwnPropertyDescriptor(global, names[i]);
      if (d !== undefined && d.get === getters[names[i]]) internals.defineGlobal(names[i], value(mod, i));
    }
    return mod;
  }
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const g = function () { return value(get(), i); };
    getters[name] = g;
    Object.defineProperty(global, name, {
      get: g,
      set(v) { Object.defineProperty(global, name, { value: v, writable: true, enumerable: false, configurable: true }); },
      enumerable: false,
      configurable: true,
    });
  }
  return get;
};

// tag sets Symbol.toStringTag on a class prototype, as WebIDL does.
internals.tag = function tag(cls, name) {
  Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name || cls.name, configurable: true });
};

// [Converting to a DOMString / USVString]
internals.toUSVString = function toUSVString(v) {
  const s = String(v);
  // Lone surrogates become U+FFFD (USVString).
  return s.isWellFormed === undefined || s.isWellFormed() ? s : s.toWellFormed ? s.toWellFormed() : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
};

internals.requiredArgs = function requiredArgs(n, needed, what) {
  if (n < needed) {
    throw new TypeError(`Failed to execute ${what}: ${needed} argument${needed > 1 ? 's' : ''} required, but only ${n} present.`);
  }
};

internals.illegalConstructor = function illegalConstructor() {
  throw new TypeError('Illegal constructor');
};

// [DOMException]: https://webidl.spec.whatwg.org/#idl-DOMException
// [Error names]: https://webidl.spec.whatwg.org/#dfn-error-names-table —
// the names that have a legacy code; every other name has code 0.
const legacyCodes = {
  __proto__: null,
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
// The interface's constants, spelled as the IDL spells them (some have no
// error name of their own: DOMSTRING_SIZE_ERR, NO_DATA_ALLOWED_ERR,
// VALIDATION_ERR).
const legacyConstants = [
  'INDEX_SIZE_ERR', 1, 'DOMSTRING_SIZE_ERR', 2, 'HIERARCHY_REQUEST_ERR', 3, 'WRONG_DOCUMENT_ERR', 4,
  'INVALID_CHARACTER_ERR', 5, 'NO_DATA_ALLOWED_ERR', 6, 'NO_MODIFICATION_ALLOWED_ERR', 7, 'NOT_FOUND_ERR', 8,
  'NOT_SUPPORTED_ERR', 9, 'INUSE_ATTRIBUTE_ERR', 10, 'INVALID_STATE_ERR', 11, 'SYNTAX_ERR', 12,
  'INVALID_MODIFICATION_ERR', 13, 'NAMESPACE_ERR', 14, 'INVALID_ACCESS_ERR', 15, 'VALIDATION_ERR', 16,
  'TYPE_MISMATCH_ERR', 17, 'SECURITY_ERR', 18, 'NETWORK_ERR', 19, 'ABORT_ERR', 20, 'URL_MISMATCH_ERR', 21,
  'QUOTA_EXCEEDED_ERR', 22, 'TIMEOUT_ERR', 23, 'INVALID_NODE_TYPE_ERR', 24, 'DATA_CLONE_ERR', 25,
];

class DOMException extends Error {
  #name;
  #message;
  constructor(message = '', options = 'Error') {
    super();
    this.#message = String(message);
    if (options !== null && typeof options === 'object') {
      this.#name = 'name' in options ? String(options.name) : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
      }
    } else {
      this.#name = String(options);
    }
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, DOMException);
  }
  get name() { return this.#name; }
  get message() { return this.#message; }
  get code() { return legacyCodes[this.#name] || 0; }
}
internals.tag(DOMException);
// WebIDL attributes are enumerable accessors (class getters are not).
for (const k of ['name', 'message', 'code']) {
  Object.defineProperty(DOMException.prototype, k, { enumerable: true });
}
// Constants are {writable: false, enumerable: true, configurable: false} on
// the interface object and on its prototype (WebIDL 3.7.5).
for (let i = 0; i < legacyConstants.length; i += 2) {
  const d = { value: legacyConstants[i + 1], writable: false, enumerable: true, configurable: false };
  Object.defineProperty(DOMException, legacyConstants[i], d);
  Object.defineProperty(DOMException.prototype, legacyConstants[i], d);
}
internals.defineGlobal('DOMException', DOMException);
