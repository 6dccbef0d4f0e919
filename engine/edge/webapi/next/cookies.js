// RequestCookies and ResponseCookies, as @edge-runtime/cookies 6.0.0 (which
// next/server 16 compiles in as next/dist/compiled/@edge-runtime/cookies)
// implements them: the same parsing, the same serialisation (attribute
// order and casing), the same quirks (a parsed Set-Cookie drops falsy
// fields; RequestCookies.delete leaves an empty Cookie header).
// https://github.com/vercel/edge-runtime/tree/main/packages/cookies

// stringifyCookie: `name=value; Path=…; Expires=…; Max-Age=…; Domain=…;
// Secure; HttpOnly; SameSite=…; Partitioned; Priority=…`.
function stringifyCookie(c) {
  const attrs = [];
  if ('path' in c && c.path) attrs.push(`Path=${c.path}`);
  if ('expires' in c && (c.expires || c.expires === 0)) attrs.push(`Expires=${(typeof c.expires === 'number' ? new Date(c.expires) : c.expires).toUTCString()}`);
  if ('maxAge' in c && typeof c.maxAge === 'number') attrs.push(`Max-Age=${c.maxAge}`);
  if ('domain' in c && c.domain) attrs.push(`Domain=${c.domain}`);
  if ('secure' in c && c.secure) attrs.push('Secure');
  if ('httpOnly' in c && c.httpOnly) attrs.push('HttpOnly');
  if ('sameSite' in c && c.sameSite) attrs.push(`SameSite=${c.sameSite}`);
  if ('partitioned' in c && c.partitioned) attrs.push('Partitioned');
  if ('priority' in c && c.priority) attrs.push(`Priority=${c.priority}`);
  const v = c.value;
  const s = `${c.name}=${encodeURIComponent(v !== undefined && v !== null ? v : '')}`;
  return attrs.length === 0 ? s : `${s}; ${attrs.join('; ')}`;
}

function parseCookie(cookie) {
  const map = new Map();
  const parts = cookie.split(/; */);
  for (let i = 0; i < parts.length; i++) {
    const pair = parts[i];
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq === -1) { map.set(pair, 'true'); continue; }
    try { map.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1))); } catch (e) { /* invalid encoding: skipped, as upstream */ }
  }
  return map;
}

const SAME_SITE = ['strict', 'lax', 'none'];
const PRIORITY = ['low', 'medium', 'high'];
function oneOf(list, s) { s = s.toLowerCase(); return list.includes(s) ? s : undefined; }

function parseSetCookie(setCookie) {
  if (!setCookie) return undefined;
  const entries = Array.from(parseCookie(setCookie));
  const name = entries[0][0];
  const value = entries[0][1];
  const a = {};
  for (let i = 1; i < entries.length; i++) a[entries[i][0].toLowerCase().replace(/-/g, '')] = entries[i][1];
  const cookie = { name, value: decodeURIComponent(value), domain: a.domain };
  if (a.expires) cookie.expires = new Date(a.expires);
  if (a.httponly) cookie.httpOnly = true;
  if (typeof a.maxage === 'string') cookie.maxAge = Number(a.maxage);
  cookie.path = a.path;
  if (a.samesite) cookie.sameSite = oneOf(SAME_SITE, a.samesite);
  if (a.secure) cookie.secure = true;
  if (a.priority) cookie.priority = oneOf(PRIORITY, a.priority);
  if (a.partitioned) cookie.partitioned = true;
  // compact(): every falsy field goes (so do an empty value and Max-Age=0).
  const out = {};
  for (const k in cookie) if (cookie[k]) out[k] = cookie[k];
  return out;
}

// splitCookiesString: a combined Set-Cookie header split at the commas that
// start a new cookie (not those inside Expires dates).
function splitCookiesString(s) {
  if (!s) return [];
  const out = [];
  let pos = 0;
  let start, ch, lastComma, nextStart, found;
  const skipWhitespace = () => { while (pos < s.length && /\s/.test(s.charAt(pos))) pos += 1; return pos < s.length; };
  const notSpecialChar = () => { ch = s.charAt(pos); return ch !== '=' && ch !== ';' && ch !== ','; };
  while (pos < s.length) {
    start = pos;
    found = false;
    while (skipWhitespace()) {
      ch = s.charAt(pos);
      if (ch === ',') {
        lastComma = pos;
        pos += 1;
        skipWhitespace();
        nextStart = pos;
        while (pos < s.length && notSpecialChar()) pos += 1;
        if (pos < s.length && s.charAt(pos) === '=') {
          found = true;
          pos = nextStart;
          out.push(s.substring(start, lastComma));
          start = pos;
        } else {
          pos = lastComma + 1;
        }
      } else {
        pos += 1;
      }
    }
    if (!found || pos >= s.length) out.push(s.substring(start, s.length));
  }
  return out;
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
  /** The number of cookies received from the client. */
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
    const map = this.#parsed;
    const result = Array.isArray(names) ? names.map((n) => map.delete(n)) : map.delete(names);
    this.#write();
    return result;
  }
  clear() {
    this.delete(Array.from(this.#parsed.keys()));
    return this;
  }
  #write() {
    this.#headers.set('cookie', Array.from(this.#parsed.values()).map(stringifyCookie).join('; '));
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

// ResponseCookies has no size and no iterator upstream; neither has this.
class ResponseCookies {
  #parsed = new Map();
  #headers;
  constructor(responseHeaders) {
    this.#headers = responseHeaders;
    let setCookie = typeof responseHeaders.getSetCookie === 'function' ? responseHeaders.getSetCookie() : undefined;
    if (setCookie === undefined || setCookie === null) setCookie = responseHeaders.get('set-cookie');
    if (setCookie === undefined || setCookie === null) setCookie = [];
    const list = Array.isArray(setCookie) ? setCookie : splitCookiesString(setCookie);
    for (let i = 0; i < list.length; i++) {
      const c = parseSetCookie(list[i]);
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
    const headers = this.#headers;
    headers.delete('set-cookie');
    this.#parsed.forEach((c) => headers.append('set-cookie', stringifyCookie(c)));
    return this;
  }
  delete(...args) {
    const [name, options] = typeof args[0] === 'string' ? [args[0]] : [args[0].name, args[0]];
    return this.set({ ...options, name, value: '', expires: new Date(0) });
  }
  [Symbol.for('edge-runtime.inspect.custom')]() { return `ResponseCookies ${JSON.stringify(Object.fromEntries(this.#parsed))}`; }
  toString() { return Array.from(this.#parsed.values()).map(stringifyCookie).join('; '); }
}
