// NextRequest, NextResponse, NextURL and NextFetchEvent, as next/server
// defines them (packages/next/src/server/web/spec-extension/).

function validateURL(url) {
  try {
    return String(new URL(String(url)));
  } catch (error) {
    throw new Error(`URL is malformed "${String(url)}". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls`, { cause: error });
  }
}

// NextURL: a URL with Next's extra fields. Without basePath or i18n
// (edgeplay serves pages/api at the root) those are empty.
class NextURL {
  #url;
  #basePath = '';
  constructor(input, base) {
    this.#url = new URL(String(input), base === undefined ? undefined : String(base));
  }
  get buildId() { return undefined; }
  get locale() { return ''; }
  get defaultLocale() { return undefined; }
  get domainLocale() { return undefined; }
  get basePath() { return this.#basePath; }
  set basePath(v) { this.#basePath = v.startsWith('/') ? v : `/${v}`; }
  get searchParams() { return this.#url.searchParams; }
  get host() { return this.#url.host; }
  set host(v) { this.#url.host = v; }
  get hostname() { return this.#url.hostname; }
  set hostname(v) { this.#url.hostname = v; }
  get port() { return this.#url.port; }
  set port(v) { this.#url.port = v; }
  get protocol() { return this.#url.protocol; }
  set protocol(v) { this.#url.protocol = v; }
  get href() { return this.#url.href; }
  set href(v) { this.#url = new URL(v); }
  get origin() { return this.#url.origin; }
  get pathname() { return this.#url.pathname; }
  set pathname(v) { this.#url.pathname = v; }
  get hash() { return this.#url.hash; }
  set hash(v) { this.#url.hash = v; }
  get search() { return this.#url.search; }
  set search(v) { this.#url.search = v; }
  get password() { return this.#url.password; }
  set password(v) { this.#url.password = v; }
  get username() { return this.#url.username; }
  set username(v) { this.#url.username = v; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  clone() { return new NextURL(String(this)); }
}
internals.tag(NextURL);

const removedPage = () => new Error('The request.page has been deprecated in favour of `URLPattern`.\n  Read more: https://nextjs.org/docs/messages/middleware-request-page\n  ');
const removedUA = () => new Error('The request.ua has been removed in favour of `userAgent` function.\n  Read more: https://nextjs.org/docs/messages/middleware-parse-user-agent\n  ');

class NextRequest extends internals.Request {
  #cookies = null;
  #nextUrl = null;
  #url;
  constructor(input, init = {}) {
    if (input === internals.kRequestFromGo) {
      super(input, init);
      this.#url = init[1];
      return;
    }
    const url = typeof input !== 'string' && input !== null && typeof input === 'object' && 'url' in input ? input.url : String(input);
    validateURL(url);
    if (internals.isRequest(input)) super(input, init);
    else super(url, init);
    this.#nextUrl = new NextURL(url);
    this.#url = this.#nextUrl.toString();
  }
  get cookies() {
    if (this.#cookies === null) this.#cookies = new RequestCookies(this.headers);
    return this.#cookies;
  }
  get nextUrl() {
    if (this.#nextUrl === null) this.#nextUrl = new NextURL(this.#url);
    return this.#nextUrl;
  }
  get url() { return this.#url; }
  get page() { throw removedPage(); }
  get ua() { throw removedUA(); }
}
internals.tag(NextRequest, 'NextRequest');

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function handleMiddlewareField(init, headers) {
  if (init && init.request && init.request.headers) {
    if (!internals.isHeaders(init.request.headers)) throw new Error('request.headers must be an instance of Headers');
    const keys = [];
    for (const [key, value] of init.request.headers) {
      headers.set('x-middleware-request-' + key, value);
      keys.push(key);
    }
    headers.set('x-middleware-override-headers', keys.join(','));
  }
}

class NextResponse extends internals.Response {
  #cookies = null;
  constructor(body, init = {}) {
    super(body, init);
  }
  get cookies() {
    if (this.#cookies === null) this.#cookies = new ResponseCookies(this.headers);
    return this.#cookies;
  }
  static json(body, init) {
    const response = internals.Response.json(body, init);
    return new NextResponse(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  static redirect(url, init) {
    const status = typeof init === 'number' ? init : (init && init.status) ?? 307;
    if (!REDIRECTS.has(status)) {
      throw new RangeError('Failed to execute "redirect" on "response": Invalid status code');
    }
    const initObj = typeof init === 'object' && init !== null ? init : {};
    const headers = new Headers(initObj.headers);
    headers.set('Location', validateURL(url));
    return new NextResponse(null, { ...initObj, headers, status });
  }
  static rewrite(destination, init) {
    const headers = new Headers(init && init.headers);
    headers.set('x-middleware-rewrite', validateURL(destination));
    handleMiddlewareField(init, headers);
    return new NextResponse(null, { ...init, headers });
  }
  static next(init) {
    const headers = new Headers(init && init.headers);
    headers.set('x-middleware-next', '1');
    handleMiddlewareField(init, headers);
    return new NextResponse(null, { ...init, headers });
  }
}
internals.tag(NextResponse, 'NextResponse');

// NextFetchEvent: the handler's second argument. waitUntil promises are
// kept so the engine can follow work that outlives the response.
class NextFetchEvent {
  #waitUntil = [];
  #request;
  #page;
  constructor(request, page) {
    this.#request = request;
    this.#page = page;
  }
  get request() { return this.#request; }
  get sourcePage() { return this.#page; }
  waitUntil(promise) { this.#waitUntil.push(Promise.resolve(promise)); }
  respondWith() {
    throw new Error('The middleware "' + this.#page + '" accepts an async API directly with the form:\n  \n  export function middleware(request, event) {\n    return NextResponse.redirect(\'/new-location\')\n  }\n  \n  Read more: https://nextjs.org/docs/messages/middleware-new-signature\n  ');
  }
  static pending(e) { return e.#waitUntil; }
}
internals.tag(NextFetchEvent, 'NextFetchEvent');

internals.NextRequest = NextRequest;
internals.NextFetchEvent = NextFetchEvent;
internals.waitUntilPromises = NextFetchEvent.pending;

function unsupported(name) {
  return function () { throw new Error(`next/server's ${name} is not supported by edgeplay in pages/api edge routes`); };
}

Object.defineProperty(global, Symbol.for('edgeplay.next/server'), {
  value: Object.freeze({
    NextRequest,
    NextResponse,
    NextURL,
    NextFetchEvent,
    RequestCookies,
    ResponseCookies,
    userAgent,
    userAgentFromString,
    URLPattern: global.URLPattern,
    ImageResponse: unsupported('ImageResponse'),
    after: unsupported('after'),
    connection: unsupported('connection'),
  }),
});
