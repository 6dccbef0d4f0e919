// [WebSockets]: https://websockets.spec.whatwg.org/
// The protocol is in Go (websocket.go): native.connect dials and calls
// back with events; this file is the WebIDL surface and the state machine.

// Built on first touch of the global (most routes never open a socket):
// the intrinsics it needs are taken now, before route code runs.
const EventTarget = global.EventTarget;
const Event = internals.Event;
const DOMException = global.DOMException;
const CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;

function define() {

// [MessageEvent]: https://html.spec.whatwg.org/multipage/comms.html#messageevent
class MessageEvent extends Event {
  #data; #origin; #lastEventId;
  constructor(type, init = {}) {
    super(type, init);
    this.#data = init.data === undefined ? null : init.data;
    this.#origin = init.origin === undefined ? '' : String(init.origin);
    this.#lastEventId = init.lastEventId === undefined ? '' : String(init.lastEventId);
  }
  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return null; }
  get ports() { return []; }
}
internals.tag(MessageEvent);

// [CloseEvent]: https://websockets.spec.whatwg.org/#the-closeevent-interface
class CloseEvent extends Event {
  #wasClean; #code; #reason;
  constructor(type, init = {}) {
    super(type, init);
    this.#wasClean = !!init.wasClean;
    this.#code = init.code === undefined ? 0 : init.code & 0xffff;
    this.#reason = init.reason === undefined ? '' : String(init.reason);
  }
  get wasClean() { return this.#wasClean; }
  get code() { return this.#code; }
  get reason() { return this.#reason; }
}
internals.tag(CloseEvent);

const syntaxError = (msg) => new DOMException(msg, 'SyntaxError');
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function byteLength(s) { return internals.utf8Encode(s).length; }

const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
function isArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  try { arrayBufferByteLength.call(v); return true; } catch (e) { return false; }
}

class WebSocket extends EventTarget {
  #url; #origin; #h;
  #readyState = CONNECTING;
  #protocol = '';
  #extensions = '';
  #binaryType = 'blob';
  #buffered = 0;

  // [new WebSocket(url, protocols)]: https://websockets.spec.whatwg.org/#dom-websocket-websocket
  constructor(url, protocols = []) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
    const input = internals.toUSVString(url);
    // 1–2. Parse against the API base URL: a route has none, so a
    // relative URL fails, as relative fetch URLs do.
    let href;
    try {
      href = internals.parseURL(input);
    } catch (e) {
      throw syntaxError(`Failed to construct 'WebSocket': The URL '${input}' is invalid.`);
    }
    // 3–4. http(s) become ws(s); other schemes are not allowed.
    const colon = href.indexOf(':');
    let scheme = href.slice(0, colon);
    if (scheme === 'http') scheme = 'ws';
    else if (scheme === 'https') scheme = 'wss';
    else if (scheme !== 'ws' && scheme !== 'wss') {
      throw syntaxError(`Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${href.slice(0, colon + 1)}' is not allowed.`);
    }
    href = scheme + href.slice(colon);
    // 5. No fragment.
    const hash = href.indexOf('#');
    if (hash >= 0) {
      throw syntaxError(`Failed to construct 'WebSocket': The URL contains a fragment identifier ('${href.slice(hash)}'). Fragment identifiers are not allowed in WebSocket URLs.`);
    }
    // 6–7. Protocols: a string is a list of one; each a token, no repeats.
    let list;
    if (typeof protocols === 'string' || protocols === null || typeof protocols !== 'object' || typeof protocols[Symbol.iterator] !== 'function') {
      list = [internals.toUSVString(protocols)];
    } else {
      list = Array.from(protocols, (p) => internals.toUSVString(p));
    }
    const seen = new Set();
    for (const p of list) {
      if (!TOKEN.test(p)) throw syntaxError(`Failed to construct 'WebSocket': The subprotocol '${p}' is invalid.`);
      if (seen.has(p)) throw syntaxError(`Failed to construct 'WebSocket': The subprotocol '${p}' is duplicated.`);
      seen.add(p);
    }
    super();
    this.#url = href;
    this.#origin = (scheme === 'wss' ? 'https' : 'http') + href.slice(scheme.length).replace(/^(:\/\/[^/?]*).*$/s, '$1');
    this.#h = native.connect(href, list, (type, a, b, c) => this.#event(type, a, b, c));
  }

  #event(type, a, b, c) {
    switch (type) {
      case 'open':
        // [Establish a WebSocket connection] succeeded.
        if (this.#readyState !== CONNECTING) return;
        this.#readyState = OPEN;
        this.#protocol = a;
        this.#extensions = b;
        internals.fireEvent(this, new Event('open'));
        return;
      case 'message': {
        // [When a WebSocket message has been received]
        if (this.#readyState !== OPEN) return;
        let data = a;
        if (a === null) {
          data = this.#binaryType === 'arraybuffer'
            ? b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
            : internals.makeBlob(b, '');
        }
        internals.fireEvent(this, new MessageEvent('message', { data, origin: this.#origin }));
        return;
      }
      case 'written':
        this.#buffered = Math.max(0, this.#buffered - a);
        return;
      case 'error':
        if (internals.console && typeof internals.console.error === 'function') internals.console.error(a);
        internals.fireEvent(this, new Event('error'));
        return;
      case 'close':
        // [When the WebSocket connection is closed]
        this.#readyState = CLOSED;
        internals.fireEvent(this, new CloseEvent('close', { wasClean: c, code: a, reason: b }));
        return;
    }
  }

  get url() { return this.#url; }
  get readyState() { return this.#readyState; }
  get bufferedAmount() { return this.#buffered; }
  get extensions() { return this.#extensions; }
  get protocol() { return this.#protocol; }
  get binaryType() { return this.#binaryType; }
  set binaryType(v) {
    // An enum attribute: other values are ignored.
    const s = String(v);
    if (s === 'blob' || s === 'arraybuffer') this.#binaryType = s;
  }

  // [send(data)]: https://websockets.spec.whatwg.org/#dom-websocket-send
  send(data) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'send' on 'WebSocket': 1 argument required, but only 0 present.");
    if (this.#readyState === CONNECTING) {
      throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
    }
    let payload;
    if (isArrayBuffer(data)) payload = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) payload = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else if (internals.isBlob(data)) payload = internals.blobParts(data);
    else payload = internals.toUSVString(data);
    const n = typeof payload === 'string' ? byteLength(payload) : payload.byteLength;
    // Closing or closed: the data is not sent, but bufferedAmount grows.
    this.#buffered += n;
    if (this.#readyState !== OPEN) return;
    native.send(this.#h, payload);
  }

  // [close(code, reason)]: https://websockets.spec.whatwg.org/#dom-websocket-close
  close(code = undefined, reason = undefined) {
    let c = 0;
    if (code !== undefined) {
      c = Number(code);
      c = Number.isFinite(c) ? Math.trunc(c) & 0xffff : 0; // [Clamp] unsigned short, as browsers convert
      if (c !== 1000 && (c < 3000 || c > 4999)) {
        throw new DOMException(`Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${c} is neither.`, 'InvalidAccessError');
      }
    }
    let r = '';
    if (reason !== undefined) {
      r = internals.toUSVString(reason);
      if (byteLength(r) > 123) throw syntaxError("Failed to execute 'close' on 'WebSocket': The close reason must not be greater than 123 UTF-8 bytes.");
    }
    if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
    if (c === 0 && r !== '') c = 1000;
    this.#readyState = CLOSING;
    native.close(this.#h, c, r);
  }
}
for (const [k, v] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING], ['CLOSED', CLOSED]]) {
  Object.defineProperty(WebSocket, k, { value: v, enumerable: true });
  Object.defineProperty(WebSocket.prototype, k, { value: v, enumerable: true });
}
for (const name of ['open', 'message', 'error', 'close']) internals.defineEventHandler(WebSocket.prototype, name);
internals.tag(WebSocket);
return WebSocket;
}

internals.defineLazyGlobals(['WebSocket'], define, (ws) => ws);
