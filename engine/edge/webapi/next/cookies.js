// RequestCookies and ResponseCookies, as @edge-runtime/cookies (which
// next/server re-exports) implements them.
// https://github.com/vercel/edge-runtime/tree/main/packages/cookies

function parseCookie(header) {
  const map = new Map();
  const parts = header.split(/; */);
  for (let i = 0; i < parts.length; i++) {
    const pair = parts[i];
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq === -1) { map.set(pair, 'true'); continue; }
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    try { map.set(key, decodeURIComponent(value !== undefined ? value : 'true')); } catch (e) { /* invalid encoding: skipped, as upstream */ }
  }
  return map;
}

function stringifyCookie(c) {
  const attrs = [];
  if (c.path) attrs.push(`Path=${c.path}`);
  if (c.expires || c.expires === 0) attrs.push(`Expires=${(typeof c.expires === 'number' ? new Date(c.expires) : c.expires).toUTCString()}`);
  if (typeof c.maxAge === 'number') attrs.push(`Max-Age=${c.maxAge}`);
  if (c.domain) attrs.push(`Domain=${c.domain}`);
  if (c.secure) attrs.push('Secure');
  if (c.httpOnly) attrs.push('HttpOnly');
  if (c.sameSite) attrs.push(`SameSite=${c.sameSite}`);
  if (c.partitioned) attrs.push('Partitioned');
  if (c.priority) attrs.push(`Priority=${c.priority}`);
  const s = `${c.name}=${encodeURIComponent(c.value === undefined || c.value === null ? '' : c.value)}`;
  return attrs.length === 0 ? s : `${s}; ${attrs.join('; ')}`;
}

const sameSiteValues = ['strict', 'lax', 'none'];
const priorityValues = ['low', 'medium', 'high'];

function parseSetCookie(setCookie) {
  if (!setCookie) return undefined;
  const [[name, value], ...attributes] = Array.from(parseCookie(setCookie));
  const attrs = {};
  for (const [k, v] of attributes) attrs[k.toLowerCase().replace(/-/g, '')] = v;
  const c = { name, value: decodeURIComponent(value) };
  if (attrs.domain) c.domain = attrs.domain;
  if (attrs.expires) c.expires = new Date(attrs.expires);
  if ('httponly' in attrs) c.httpOnly = true;
  if (attrs.maxage !== undefined) c.maxAge = Number(attrs.maxage);
  if (attrs.path) c.path = attrs.path;
  if (attrs.samesite && sameSiteValues.includes(attrs.samesite.toLowerCase())) c.sameSite = attrs.samesite.toLowerCase();
  if ('secure' in attrs) c.secure = true;
  if (attrs.priority && priorityValues.includes(attrs.priority.toLowerCase())) c.priority = attrs.priority.toLowerCase();
  if ('partitioned' in attrs) c.partitioned = true;
  return c;
}

class RequestCookies {
  #parsed = new Map();
  #headers;
  constructor(requestHeaders) {
    this.#headers = requestHeaders;
    const header = requestHeaders.get('cookie');
    if (header) {
      parseCookie(header).forEach((value, name) => this.#parsed.set(name, { name, value }));
    }
  }
  [Symbol.iterator]() { return this.#parsed[Symbol.iterator](); }
  get size() { return this.#parsed.size; }
  get(...args) {
    const name = typeof args[0] === 'string' ? args[0] : args[0].name;
    return this.#parsed.get(name);
  }
  getAll(...args) {
    const all = Array.from(this.#parsed.values());
    if (!args.length) return all;
    const name = typeof args[0] === 'string' ? args[0] : args[0] && args[0].name;
    return all.filter((c) => c.name === name);
  }
  has(name) { return this.#parsed.has(name); }
  set(...args) {
    const [name, value] = args.length === 1 ? [args[0].name, args[0].value] : args;
    this.#parsed.set(name, { name, value });
    this.#write();
    return this;
  }
  delete(names) {
    const result = Array.isArray(names) ? names.map((n) => this.#parsed.delete(n)) : this.#parsed.delete(names);
    this.#write();
    return result;
  }
  clear() {
    this.delete(Array.from(this.#parsed.keys()));
    return this;
  }
  #write() {
    const s = Array.from(this.#parsed.values()).map((v) => `${v.name}=${encodeURIComponent(v.value)}`).join('; ');
    if (s) this.#headers.set('cookie', s);
    else this.#headers.delete('cookie');
  }
  [Symbol.for('edge-runtime.inspect.custom')]() { return `RequestCookies ${JSON.stringify(Object.fromEntries(this.#parsed))}`; }
  toString() { return Array.from(this.#parsed.values()).map((v) => `${v.name}=${encodeURIComponent(v.value)}`).join('; '); }
}

function normalizeCookie(cookie = { name: '', value: '' }) {
  if (typeof cookie.expires === 'number') cookie.expires = new Date(cookie.expires);
  if (cookie.maxAge) cookie.expires = new Date(Date.now() + cookie.maxAge * 1000);
  if (cookie.path === null || cookie.path === undefined) cookie.path = '/';
  return cookie;
}

class ResponseCookies {
  #parsed = new Map();
  #headers;
  constructor(responseHeaders) {
    this.#headers = responseHeaders;
    const setCookie = responseHeaders.getSetCookie();
    for (let i = 0; i < setCookie.length; i++) {
      const c = parseSetCookie(setCookie[i]);
      if (c) this.#parsed.set(c.name, c);
    }
  }
  get(...args) {
    const key = typeof args[0] === 'string' ? args[0] : args[0].name;
    return this.#parsed.get(key);
  }
  getAll(...args) {
    const all = Array.from(this.#parsed.values());
    if (!args.length) return all;
    const key = typeof args[0] === 'string' ? args[0] : args[0] && args[0].name;
    return all.filter((c) => c.name === key);
  }
  has(name) { return this.#parsed.has(name); }
  set(...args) {
    const [name, value, cookie] = args.length === 1 ? [args[0].name, args[0].value, args[0]] : args;
    this.#parsed.set(name, normalizeCookie({ name, value, ...cookie }));
    this.#write();
    return this;
  }
  delete(...args) {
    const [name, options] = typeof args[0] === 'string' ? [args[0]] : [args[0].name, args[0]];
    return this.set({ ...options, name, value: '', expires: new Date(0) });
  }
  [Symbol.iterator]() { return this.#parsed[Symbol.iterator](); }
  get size() { return this.#parsed.size; }
  #write() {
    this.#headers.delete('set-cookie');
    this.#parsed.forEach((value) => this.#headers.append('set-cookie', stringifyCookie(value)));
  }
  toString() { return Array.from(this.#parsed.values()).map(stringifyCookie).join('; '); }
}
