// NextRequest, NextResponse, NextURL and NextFetchEvent, as next/server
// defines them (packages/next/src/server/web/spec-extension/).

function validateURL(url) {
  try {
    return String(new URL(String(url)));
  } catch (error) {
    throw new Error(`URL is malformed "${String(url)}". Please use only absolute URLs - https://nextjs.org/docs/messages/middleware-relative-urls`, { cause: error });
  }
}

// NextURL (packages/next/src/server/web/next-url.ts): a URL that knows
// Next's pathname conventions. edgeplay serves pages/api with no basePath
// and no i18n config, so nextConfig is only what a caller passes; i18n
// locales are not analysed (a configured i18n throws NotSupportedError).
const REGEX_LOCALHOST_HOSTNAME = /^(?:127(?:\.(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}|\[::1\]|localhost)$/;
function parseURL(url, base) {
  const parsed = new URL(String(url), base ? String(base) : undefined);
  if (REGEX_LOCALHOST_HOSTNAME.test(parsed.hostname)) parsed.hostname = 'localhost';
  return parsed;
}
function pathHasPrefix(path, prefix) {
  return path === prefix || path.startsWith(prefix + '/');
}
function removeTrailingSlash(route) {
  return route.charCodeAt(route.length - 1) === 47 && route.length > 1 ? route.slice(0, -1) : route;
}
function addPathPrefix(path, prefix) {
  return !path.startsWith('/') || !prefix ? path : prefix + path;
}
function addPathSuffix(path, suffix) {
  return !path.startsWith('/') || !suffix ? path : path + suffix;
}

class NextURL {
  #url;
  #options;
  #basePath = '';
  #buildId;
  #locale;
  #defaultLocale;
  #trailingSlash;
  constructor(input, baseOrOpts, opts) {
    let base;
    let options;
    if ((typeof baseOrOpts === 'object' && baseOrOpts !== null && 'pathname' in baseOrOpts) || typeof baseOrOpts === 'string') {
      base = baseOrOpts;
      options = opts || {};
    } else {
      options = opts || baseOrOpts || {};
    }
    if (options.nextConfig && options.nextConfig.i18n) {
      throw new DOMException('NextURL with an i18n config is not supported by edgeplay', 'NotSupportedError');
    }
    this.#options = options;
    this.#url = parseURL(input, base ?? options.base);
    this.#analyze();
  }
  // getNextPathnameInfo: basePath, the /_next/data/<buildId>/… form and
  // whether the pathname ends with a slash.
  #analyze() {
    const config = this.#options.nextConfig || {};
    let pathname = this.#url.pathname;
    const trailingSlash = pathname !== '/' ? pathname.endsWith('/') : config.trailingSlash;
    let basePath;
    if (config.basePath && pathHasPrefix(pathname, config.basePath)) {
      const rest = pathname.slice(config.basePath.length);
      pathname = rest.startsWith('/') ? rest : '/' + rest;
      basePath = config.basePath;
    }
    let buildId;
    if (pathname.startsWith('/_next/data/') && pathname.endsWith('.json')) {
      const paths = pathname.replace(/^\/_next\/data\//, '').replace(/\.json$/, '').split('/');
      buildId = paths[0];
      pathname = paths[1] !== 'index' ? `/${paths.slice(1).join('/')}` : '/';
    }
    this.#url.pathname = pathname;
    this.#defaultLocale = undefined;
    this.#basePath = basePath ?? '';
    this.#buildId = buildId;
    this.#locale = undefined;
    this.#trailingSlash = trailingSlash;
  }
  // formatNextPathnameInfo
  #formatPathname() {
    const buildId = this.#buildId;
    let pathname = this.#url.pathname;
    if (buildId || !this.#trailingSlash) pathname = removeTrailingSlash(pathname);
    if (buildId) pathname = addPathSuffix(addPathPrefix(pathname, `/_next/data/${buildId}`), this.#url.pathname === '/' ? 'index.json' : '.json');
    pathname = addPathPrefix(pathname, this.#basePath);
    return !buildId && this.#trailingSlash ? (!pathname.endsWith('/') ? addPathSuffix(pathname, '/') : pathname) : removeTrailingSlash(pathname);
  }
  get buildId() { return this.#buildId; }
  set buildId(v) { this.#buildId = v; }
  get locale() { return this.#locale ?? ''; }
  set locale(locale) {
    // No i18n config: there is no locale to switch to.
    throw new TypeError(`The NextURL configuration includes no locale "${locale}"`);
  }
  get defaultLocale() { return this.#defaultLocale; }
  get domainLocale() { return undefined; }
  get searchParams() { return this.#url.searchParams; }
  get host() { return this.#url.host; }
  set host(v) { this.#url.host = v; }
  get hostname() { return this.#url.hostname; }
  set hostname(v) { this.#url.hostname = v; }
  get port() { return this.#url.port; }
  set port(v) { this.#url.port = v; }
  get protocol() { return this.#url.protocol; }
  set protocol(v) { this.#url.protocol = v; }
  get href() { return `${this.protocol}//${this.host}${this.#formatPathname()}${this.#url.search}${this.hash}`; }
  set href(url) { this.#url = parseURL(url); this.#analyze(); }
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
  get basePath() { return this.#basePath; }
  set basePath(v) { this.#basePath = v.startsWith('/') ? v : `/${v}`; }
  toString() { return this.href; }
  toJSON() { return this.href; }
  [Symbol.for('edge-runtime.inspect.custom')]() {
    return { href: this.href, origin: this.origin, protocol: this.protocol, username: this.username, password: this.password, host: this.host, hostname: this.hostname, port: this.port, pathname: this.pathname, search: this.search, searchParams: this.searchParams, hash: this.hash };
  }
  clone() { return new NextURL(String(this), this.#options); }
}

// Errors of packages/next/src/server/web/error.ts.
const removedPage = () => new Error('The request.page has been deprecated in favour of `URLPattern`.\n  Read more: https://nextjs.org/docs/messages/middleware-request-page\n  ');
const removedUA = () => new Error('The request.ua has been removed in favour of `userAgent` function.\n  Read more: https://nextjs.org/docs/messages/middleware-parse-user-agent\n  ');

// NextRequest (spec-extension/request.ts). Next 16 has no geo and no ip.
// Requests from the server take a fast path: cookies and nextUrl are made
// on first use, and url is Next's normalised form (127.0.0.1 and [::1] read
// as localhost) only when the host asks for it.
const localhostURL = /^https?:\/\/(?:127\.|\[::1\])/;
class NextRequest extends internals.Request {
  #cookies = null;
  #nextUrl = null;
  #url;
  constructor(input, init = {}) {
    if (input === internals.kRequestFromGo) {
      super(input, init);
      const url = init[1];
      this.#url = localhostURL.test(url) ? String(this.nextUrl) : url;
      return;
    }
    const url = typeof input !== 'string' && 'url' in input ? input.url : String(input);
    validateURL(url);
    if (input instanceof Request) super(input, init);
    else super(url, init);
    this.#nextUrl = new NextURL(url, { headers: this.headers, nextConfig: init.nextConfig });
    this.#cookies = new RequestCookies(this.headers);
    this.#url = this.#nextUrl.toString();
  }
  [Symbol.for('edge-runtime.inspect.custom')]() {
    return {
      cookies: this.cookies, nextUrl: this.nextUrl, url: this.url,
      bodyUsed: this.bodyUsed, cache: this.cache, credentials: this.credentials, destination: this.destination,
      headers: Object.fromEntries(this.headers), integrity: this.integrity, keepalive: this.keepalive, method: this.method,
      mode: this.mode, redirect: this.redirect, referrer: this.referrer, referrerPolicy: this.referrerPolicy, signal: this.signal,
    };
  }
  get cookies() {
    if (this.#cookies === null) this.#cookies = new RequestCookies(this.headers);
    return this.#cookies;
  }
  get nextUrl() {
    if (this.#nextUrl === null) this.#nextUrl = new NextURL(super.url);
    return this.#nextUrl;
  }
  /** @deprecated `page` has been deprecated in favour of `URLPattern`. */
  get page() { throw removedPage(); }
  /** @deprecated `ua` has been removed in favour of the `userAgent` function. */
  get ua() { throw removedUA(); }
  get url() { return this.#url; }
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

// NextResponse (spec-extension/response.ts). Next's cookies proxy also
// writes an x-middleware-set-cookie header on every cookies.set/delete,
// which Next's adapter deletes again before a non-middleware response
// leaves; edgeplay serves no middleware, so it never writes it.
class NextResponse extends internals.Response {
  #cookies;
  constructor(body, init = {}) {
    super(body, init);
    this.#cookies = new ResponseCookies(this.headers);
  }
  [Symbol.for('edge-runtime.inspect.custom')]() {
    return {
      cookies: this.cookies, url: this.url, body: this.body, bodyUsed: this.bodyUsed, headers: Object.fromEntries(this.headers),
      ok: this.ok, redirected: this.redirected, status: this.status, statusText: this.statusText, type: this.type,
    };
  }
  get cookies() { return this.#cookies; }
  static json(body, init) {
    const response = internals.Response.json(body, init);
    return new NextResponse(response.body, response);
  }
  static redirect(url, init) {
    const status = typeof init === 'number' ? init : (init === undefined || init === null ? undefined : init.status) ?? 307;
    if (!REDIRECTS.has(status)) {
      throw new RangeError('Failed to execute "redirect" on "response": Invalid status code');
    }
    const initObj = typeof init === 'object' ? init : {};
    const headers = new Headers(initObj === null ? undefined : initObj.headers);
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
