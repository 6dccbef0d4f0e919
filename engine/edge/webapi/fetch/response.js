// [Response]: https://fetch.spec.whatwg.org/#response-class

const nullBodyStatus = { 101: 1, 103: 1, 204: 1, 205: 1, 304: 1 };
const redirectStatus = { 301: 1, 302: 1, 303: 1, 307: 1, 308: 1 };
const reasonPhraseRe = /^[\t\x20-\x7e\x80-\xff]*$/;

class Response {
  #status = 200;
  #statusText = '';
  #headers = null;
  #headerList;
  #body;
  #type = 'default';
  #url = '';
  #redirected = false;
  #immutable = false;

  constructor(body = null, init = undefined) {
    if (init !== undefined && init !== null && typeof init !== 'object') {
      throw new TypeError("Failed to construct 'Response': cannot convert init to dictionary.");
    }
    // [initialize a response]
    if (init) {
      if (init.status !== undefined) {
        const s = Number(init.status);
        // 1. If init["status"] is not in the range 200 to 599, inclusive, then throw a RangeError.
        if (!(s >= 200 && s <= 599)) {
          throw new RangeError(`Failed to construct 'Response': The status provided (${init.status}) is outside the range [200, 599].`);
        }
        this.#status = Math.trunc(s);
      }
      if (init.statusText !== undefined) {
        const t = String(init.statusText);
        // 2. If init["statusText"] does not match the reason-phrase token production, then throw a TypeError.
        if (!reasonPhraseRe.test(t)) throw new TypeError('Failed to construct \'Response\': Invalid statusText');
        this.#statusText = t;
      }
    }
    this.#headerList = init && init.headers !== undefined ? internals.headersList(new internals.Headers(init.headers)) : [];
    if (body !== null && body !== undefined) {
      // 6.1. If response's status is a null body status, then throw a TypeError.
      if (nullBodyStatus[this.#status] === 1) {
        throw new TypeError(`Response constructor: Invalid response status code ${this.#status}`);
      }
      const [b, type] = extractBody(body);
      this.#body = b;
      if (type !== null && internals.headerGet(this.#headerList, 'content-type') === null) {
        this.#headerList.push('content-type', type);
      }
    } else {
      this.#body = noBody();
    }
  }

  static error() {
    const r = new Response(null);
    r.#status = 0;
    r.#type = 'error';
    r.#immutable = true;
    return r;
  }

  // [Response.redirect]: https://fetch.spec.whatwg.org/#dom-response-redirect
  static redirect(url, status = 302) {
    // 1. Let parsedURL be the result of parsing url with current settings object's API base URL.
    let parsed;
    try {
      parsed = internals.parseURL(String(url));
    } catch (e) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause: e });
    }
    // 3. If status is not a redirect status, then throw a RangeError.
    if (redirectStatus[status] !== 1) throw new RangeError(`Invalid status code ${status}`);
    const r = new this(null, { status });
    r.headers.set('location', parsed);
    internals.setHeadersGuard(r.headers, 'immutable');
    r.#immutable = true;
    return r;
  }

  // [Response.json]: https://fetch.spec.whatwg.org/#dom-response-json
  static json(data, init = undefined) {
    const s = JSON.stringify(data);
    if (s === undefined) throw new TypeError('Value is not JSON serializable');
    const r = new this(s, init);
    setHeader(internals.headersList(r.headers), 'content-type', 'application/json');
    if (init && init.headers) {
      const given = new internals.Headers(init.headers).get('content-type');
      if (given !== null) r.headers.set('content-type', given);
    }
    return r;
  }

  get type() { return this.#type; }
  get url() { return this.#url; }
  get redirected() { return this.#redirected; }
  get status() { return this.#status; }
  get ok() { return this.#status >= 200 && this.#status <= 299; }
  get statusText() { return this.#statusText; }
  get headers() {
    if (this.#headers === null) {
      this.#headers = internals.headersFromList(this.#headerList);
      if (this.#immutable) internals.setHeadersGuard(this.#headers, 'immutable');
    }
    return this.#headers;
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
    if (bodyUsed(this.#body)) throw new TypeError('Response.clone: Body has already been consumed.');
    const c = new this.constructor(null, { status: this.#status === 0 ? 200 : this.#status, statusText: this.#statusText });
    c.#status = this.#status;
    c.#type = this.#type;
    c.#url = this.#url;
    c.#redirected = this.#redirected;
    c.#immutable = this.#immutable;
    c.#headerList = internals.headersList(this.headers).slice();
    c.#body = cloneBody(this.#body);
    return c;
  }

  // parts describes a response for Go:
  // [status, statusText, headerList, bodyKind, bodyValue, bodyLength].
  static parts(r) {
    const b = bodyParts(r.#body);
    return [r.#status, r.#statusText, r.#headers === null ? r.#headerList : internals.headersList(r.#headers), b[0], b[1], b[2]];
  }
  // fromNetwork makes the Response of a fetch: its headers are immutable.
  // head is [status, statusText, headerList, url, redirected].
  static fromNetwork(head, body) {
    const r = new Response(null);
    r.#status = head[0];
    r.#statusText = head[1];
    r.#headerList = head[2];
    r.#url = head[3];
    r.#redirected = head[4];
    r.#type = 'basic';
    r.#immutable = true;
    if (body !== null) r.#body = new BodyState(KIND_STREAM, body, -1);
    return r;
  }
  static isResponse(r) { return r !== null && typeof r === 'object' && #status in r; }
}
internals.tag(Response);
internals.defineGlobal('Response', Response);
internals.Response = Response;
internals.isResponse = Response.isResponse;
internals.responseParts = Response.parts;
internals.responseFromNetwork = Response.fromNetwork;
internals.BODY_NONE = KIND_NONE;
internals.BODY_STRING = KIND_STRING;
internals.BODY_BYTES = KIND_BYTES;
internals.BODY_STREAM = KIND_STREAM;
internals.BODY_NATIVE = KIND_NATIVE;
