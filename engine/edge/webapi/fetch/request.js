// [Request]: https://fetch.spec.whatwg.org/#request-class

const normalizedMethods = { DELETE: 1, GET: 1, HEAD: 1, OPTIONS: 1, POST: 1, PUT: 1 };
const forbiddenMethods = { CONNECT: 1, TRACE: 1, TRACK: 1 };
const corsSafeMethods = { GET: 1, HEAD: 1, POST: 1 };
const kFromGo = Symbol('fromGo');
const AbortSignalCtor = global.AbortSignal;

// The enums of RequestInit, made on first use (routes rarely set them).
let enums = null;
function enumValue(init, key) {
  if (enums === null) {
    enums = {
      mode: [['navigate', 'same-origin', 'no-cors', 'cors'], 'RequestMode'],
      credentials: [['omit', 'same-origin', 'include'], 'RequestCredentials'],
      cache: [['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'], 'RequestCache'],
      referrerPolicy: [['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
        'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'], 'ReferrerPolicy'],
      redirect: [['follow', 'error', 'manual'], 'RequestRedirect'],
      duplex: [['half'], 'RequestDuplex'],
    };
  }
  const v = String(init[key]);
  const e = enums[key];
  if (e[0].indexOf(v) < 0) {
    throw new TypeError(`Failed to construct 'Request': Failed to read the '${key}' property from 'RequestInit': The provided value '${v}' is not a valid enum value of type ${e[1]}.`);
  }
  return v;
}

function normalizeMethod(m) {
  const u = m.toUpperCase();
  return normalizedMethods[u] === 1 ? u : m;
}

// The request's settings that routes rarely set, kept in one object that
// is shared (never written) until one of them differs from its default.
const defaultOptions = {
  mode: 'cors', credentials: 'same-origin', cache: 'default', referrer: 'about:client',
  referrerPolicy: '', integrity: '', keepalive: false,
};
const optionKeys = ['mode', 'credentials', 'cache', 'referrer', 'referrerPolicy', 'integrity', 'keepalive'];
function copyOptions(o) {
  return {
    mode: o.mode, credentials: o.credentials, cache: o.cache, referrer: o.referrer,
    referrerPolicy: o.referrerPolicy, integrity: o.integrity, keepalive: o.keepalive,
  };
}

class Request {
  #method;
  #url;
  #headers = null;
  #headerList = null;
  #body;
  #signal = null;
  #redirect = 'follow';
  #opts = defaultOptions;

  constructor(input, init = undefined) {
    if (input === kFromGo) {
      // Fast path for requests arriving from the server: already valid.
      this.#method = init[0];
      this.#url = init[1];
      this.#headerList = init[2];
      this.#body = init[3] === null ? noBody() : new BodyState(KIND_NATIVE, init[3], init[4]);
      return;
    }
    internals.requiredArgs(arguments.length, 1, "'constructor' on 'Request'");
    if (init !== undefined && init !== null && typeof init !== 'object') {
      throw new TypeError("Failed to construct 'Request': cannot convert init to dictionary.");
    }
    init = init || {};
    let inputBody = null;
    let signal = null;
    if (Request.isRequest(input)) {
      this.#method = input.#method;
      this.#url = input.#url;
      this.#redirect = input.#redirect;
      this.#opts = input.#opts;
      this.#headerList = internals.headersList(input.headers).slice();
      signal = input.#signal;
      inputBody = input.#body;
    } else {
      const s = internals.toUSVString(input);
      try {
        this.#url = internals.parseURL(s);
      } catch (e) {
        throw new TypeError(`Failed to parse URL from ${s}`, { cause: e });
      }
      // 5.4. A URL with credentials is a TypeError.
      if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(this.#url)) {
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${s}`);
      }
      this.#headerList = [];
    }
    let o = null;
    for (let i = 0; i < optionKeys.length; i++) {
      const k = optionKeys[i];
      if (init[k] === undefined) continue;
      if (o === null) o = copyOptions(this.#opts);
      if (k === 'integrity') o.integrity = String(init.integrity);
      else if (k === 'keepalive') o.keepalive = Boolean(init.keepalive);
      else if (k === 'referrer') {
        // 14. '' is no referrer; otherwise a URL (about:client is the default).
        const r = String(init.referrer);
        if (r === '') o.referrer = '';
        else {
          try {
            o.referrer = internals.parseURL(r);
          } catch (e) {
            throw new TypeError(`Failed to construct 'Request': Referrer "${r}" is not a valid URL.`, { cause: e });
          }
        }
      } else o[k] = enumValue(init, k);
    }
    if (o !== null) {
      // 23. navigate is not a mode routes can ask for.
      if (o.mode === 'navigate') {
        throw new TypeError("Failed to construct 'Request': Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.");
      }
      // 30. only-if-cached needs same-origin.
      if (o.cache === 'only-if-cached' && o.mode !== 'same-origin') {
        throw new TypeError("Failed to construct 'Request': 'only-if-cached' can be set only with 'same-origin' mode");
      }
      this.#opts = o;
    }
    if (init.duplex !== undefined) enumValue(init, 'duplex');
    if (init.method !== undefined) {
      const m = String(init.method);
      if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
      if (forbiddenMethods[m.toUpperCase()] === 1) throw new TypeError(`'${m}' HTTP method is unsupported.`);
      this.#method = normalizeMethod(m);
    } else if (this.#method === undefined) {
      this.#method = 'GET';
    }
    if (this.#opts.mode === 'no-cors' && corsSafeMethods[this.#method] !== 1) {
      throw new TypeError(`'${this.#method}' is unsupported in no-cors mode.`);
    }
    if (init.redirect !== undefined) this.#redirect = enumValue(init, 'redirect');
    // 29. init.signal (null included) replaces the input's signal.
    if ('signal' in init) {
      signal = init.signal;
      if (signal !== null && signal !== undefined && !internals.isAbortSignal(signal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
    }
    // 32. This request's signal follows the given one.
    if (signal !== null && signal !== undefined) this.#signal = AbortSignalCtor.any([signal]);
    if (init.headers !== undefined) {
      this.#headerList = internals.headersList(new internals.Headers(init.headers));
    }
    const hasBody = init.body !== undefined && init.body !== null;
    if ((hasBody || (inputBody !== null && inputBody.kind !== KIND_NONE)) && (this.#method === 'GET' || this.#method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (hasBody) {
      const [b, type] = extractBody(init.body);
      // 37. keepalive requests cannot stream. A stream body without
      // duplex: 'half' is accepted, as Next's edge runtime does.
      if (b.kind === KIND_STREAM && this.#opts.keepalive) {
        throw new TypeError('keepalive cannot be set with a ReadableStream body.');
      }
      this.#body = b;
      if (type !== null && internals.headerGet(this.#headerList, 'content-type') === null) {
        this.#headerList.push('content-type', type);
      }
    } else if (inputBody !== null) {
      if (bodyUsed(inputBody)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      this.#body = inputBody;
      inputBody.used = inputBody.kind !== KIND_NONE;
      if (inputBody.kind !== KIND_NONE) this.#body = new BodyState(inputBody.kind, inputBody.value, inputBody.length);
      if (inputBody.stream !== null) this.#body.stream = inputBody.stream;
    } else {
      this.#body = noBody();
    }
  }

  get method() { return this.#method; }
  get url() { return this.#url; }
  get headers() {
    if (this.#headers === null) this.#headers = internals.headersFromList(this.#headerList);
    return this.#headers;
  }
  get destination() { return ''; }
  get referrer() { return this.#opts.referrer; }
  get referrerPolicy() { return this.#opts.referrerPolicy; }
  get mode() { return this.#opts.mode; }
  get credentials() { return this.#opts.credentials; }
  get cache() { return this.#opts.cache; }
  get redirect() { return this.#redirect; }
  get integrity() { return this.#opts.integrity; }
  get keepalive() { return this.#opts.keepalive; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get duplex() { return 'half'; }
  get signal() {
    if (this.#signal === null) this.#signal = internals.createAbortSignal();
    return this.#signal;
  }
  get body() { return bodyStream(this.#body); }
  get bodyUsed() { return bodyUsed(this.#body); }

  arrayBuffer() { return bodyMethods.arrayBuffer(this.#body); }
  bytes() { return bodyMethods.bytes(this.#body); }
  text() { return bodyMethods.text(this.#body); }
  json() { return bodyMethods.json(this.#body); }
  blob() { return bodyMethods.blob(this.#body, internals.headerGet(this.#headerList, 'content-type')); }
  formData() { return bodyMethods.formData(this.#body, internals.headerGet(this.#headerList, 'content-type')); }

  clone() {
    if (bodyUsed(this.#body)) throw new TypeError('Request.clone: Body has already been consumed.');
    const c = new this.constructor(kFromGo, [this.#method, this.#url, internals.headersList(this.headers).slice(), null, 0]);
    c.#body = cloneBody(this.#body);
    c.#redirect = this.#redirect;
    c.#opts = this.#opts;
    if (this.#signal !== null) c.#signal = AbortSignalCtor.any([this.#signal]);
    return c;
  }

  static parts(r) { return [r.#method, r.#url, internals.headersList(r.headers), bodyParts(r.#body)]; }
  // fetchParts hands a request to fetch: its body becomes used.
  // [method, url, headerList, BodyState, redirect, signal|null]
  static fetchParts(r) {
    return [r.#method, r.#url, internals.headersList(r.headers), takeBody(r.#body), r.#redirect, r.#signal];
  }
  static isRequest(r) { return r !== null && typeof r === 'object' && #method in r; }
}
internals.tag(Request);
internals.defineGlobal('Request', Request);
internals.Request = Request;
internals.kRequestFromGo = kFromGo;
internals.isRequest = Request.isRequest;
internals.requestParts = Request.parts;
