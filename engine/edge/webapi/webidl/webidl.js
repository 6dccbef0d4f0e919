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
const legacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
  SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

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
for (const [name, code] of Object.entries(legacyCodes)) {
  const constName = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  Object.defineProperty(DOMException, constName, { value: code, enumerable: true });
  Object.defineProperty(DOMException.prototype, constName, { value: code, enumerable: true });
}
internals.defineGlobal('DOMException', DOMException);
