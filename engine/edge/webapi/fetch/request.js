// [Request]: https://fetch.spec.whatwg.org/#request-class

const normalizedMethods = { DELETE: 1, GET: 1, HEAD: 1, OPTIONS: 1, POST: 1, PUT: 1 };
const forbiddenMethods = { CONNECT: 1, TRACE: 1, TRACK: 1 };
const kFromGo = Symbol('fromGo');

function normalizeMethod(m) {
  const u = m.toUpperCase();
  return normalizedMethods[u] === 1 ? u : m;
}

class Request {
  #method;
  #url;
  #headers = null;
  #headerList = null;
  #body;
  #signal = null;
  #redirect = 'follow';
  #init = null;

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
    if (input instanceof Request) {
      this.#method = input.#method;
      this.#url = input.#url;
      this.#redirect = input.#redirect;
      this.#headerList = internals.headersList(input.headers).slice();
      this.#signal = input.#signal;
      inputBody = input.#body;
    } else {
      const s = String(input);
      try {
        this.#url = internals.parseURL(s);
      } catch (e) {
        throw new TypeError(`Failed to parse URL from ${s}`, { cause: e });
      }
      this.#headerList = [];
    }
    if (init.method !== undefined) {
      const m = String(init.method);
      if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
      if (forbiddenMethods[m.toUpperCase()] === 1) throw new TypeError(`'${m}' HTTP method is unsupported.`);
      this.#method = normalizeMethod(m);
    } else if (this.#method === undefined) {
      this.#method = 'GET';
    }
    if (init.redirect !== undefined) {
      const r = String(init.redirect);
      if (r !== 'follow' && r !== 'error' && r !== 'manual') {
        throw new TypeError(`Failed to construct 'Request': The provided value '${r}' is not a valid enum value of type RequestRedirect.`);
      }
      this.#redirect = r;
    }
    if (init.signal !== undefined) this.#signal = init.signal;
    if (init.headers !== undefined) {
      this.#headerList = internals.headersList(new internals.Headers(init.headers));
    }
    const hasBody = init.body !== undefined && init.body !== null;
    if ((hasBody || (inputBody !== null && inputBody.kind !== KIND_NONE)) && (this.#method === 'GET' || this.#method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    if (hasBody) {
      const [b, type] = extractBody(init.body);
      this.#body = b;
      if (type !== null && internals.headerGet(this.#headerList, 'content-type') === null) {
        this.#headerList.push('content-type', type);
      }
    } else if (inputBody !== null) {
      if (bodyUsed(inputBody)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      this.#body = inputBody;
      inputBody.used = inputBody.kind !== KIND_NONE;
      if (inputBody.kind !== KIND_NONE) this.#body = new BodyState(inputBody.kind, inputBody.value, inputBody.length);
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
  get referrer() { return 'about:client'; }
  get referrerPolicy() { return ''; }
  get mode() { return 'cors'; }
  get credentials() { return 'same-origin'; }
  get cache() { return 'default'; }
  get redirect() { return this.#redirect; }
  get integrity() { return ''; }
  get keepalive() { return false; }
  get isReloadNavigation() { return false; }
  get isHistoryNavigation() { return false; }
  get duplex() { return 'half'; }
  get signal() {
    if (this.#signal === null && internals.createAbortSignal) this.#signal = internals.createAbortSignal();
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
    c.#signal = this.#signal;
    return c;
  }

  static parts(r) { return [r.#method, r.#url, internals.headersList(r.headers), bodyParts(r.#body)]; }
  static isRequest(r) { return r !== null && typeof r === 'object' && #method in r; }
}
internals.tag(Request);
internals.defineGlobal('Request', Request);
internals.Request = Request;
internals.kRequestFromGo = kFromGo;
internals.isRequest = Request.isRequest;
internals.requestParts = Request.parts;
