// Next.js route patterns ("/api/items/[id]", "/api/files/[...path]",
// "/api/docs/[[...slug]]") and the composer's URL: fields for dynamic
// segments, the query table, and building the URL back from them.

export type Segment =
  | { kind: 'static'; text: string }
  | { kind: 'param'; name: string } // [id]
  | { kind: 'catchall'; name: string } // [...path]: one or more segments
  | { kind: 'optional'; name: string }; // [[...slug]]: zero or more segments

export interface Field {
  name: string;
  kind: 'param' | 'catchall' | 'optional';
  required: boolean;
}

export function parsePattern(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((s) => s !== '')
    .map((s): Segment => {
      let m = /^\[\[\.\.\.(.+)\]\]$/.exec(s);
      if (m) return { kind: 'optional', name: m[1] };
      m = /^\[\.\.\.(.+)\]$/.exec(s);
      if (m) return { kind: 'catchall', name: m[1] };
      m = /^\[(.+)\]$/.exec(s);
      if (m) return { kind: 'param', name: m[1] };
      return { kind: 'static', text: s };
    });
}

/** The input fields a pattern needs, in order. */
export function patternFields(pattern: string): Field[] {
  const out: Field[] = [];
  for (const s of parsePattern(pattern)) {
    if (s.kind !== 'static') out.push({ name: s.name, kind: s.kind, required: s.kind !== 'optional' });
  }
  return out;
}

export function isDynamic(pattern: string): boolean {
  return parsePattern(pattern).some((s) => s.kind !== 'static');
}

function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/%40/g, '@').replace(/%3A/gi, ':');
}

/**
 * The path for a pattern with field values. Catch-all values are split on
 * "/" and each part encoded; an empty optional catch-all drops its segment;
 * an empty required field leaves an empty segment (the field shows it).
 */
export function buildPath(pattern: string, values: Record<string, string>): string {
  const parts: string[] = [];
  for (const s of parsePattern(pattern)) {
    if (s.kind === 'static') {
      parts.push(s.text);
      continue;
    }
    const v = values[s.name] ?? '';
    if (s.kind === 'param') {
      parts.push(encodeSegment(v));
      continue;
    }
    const pieces = v.split('/').filter((p) => p !== '');
    if (pieces.length === 0) {
      if (s.kind === 'catchall') parts.push('');
      continue;
    }
    parts.push(pieces.map(encodeSegment).join('/'));
  }
  return '/' + parts.join('/');
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Field values when path matches pattern, else null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const segs = parsePattern(pattern);
  const parts = path.split('?')[0].split('/').filter((p) => p !== '');
  const values: Record<string, string> = {};
  let i = 0;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    if (s.kind === 'static') {
      if (parts[i] !== s.text) return null;
      i++;
    } else if (s.kind === 'param') {
      if (i >= parts.length) return null;
      values[s.name] = decodeSegment(parts[i]);
      i++;
    } else {
      // catch-alls are last in Next's grammar
      const rest = parts.slice(i);
      if (s.kind === 'catchall' && rest.length === 0) return null;
      values[s.name] = rest.map(decodeSegment).join('/');
      i = parts.length;
    }
  }
  return i === parts.length ? values : null;
}

/** The first pattern (in match order) that matches the path, with its values. */
export function findRoute(patterns: string[], path: string): { pattern: string; values: Record<string, string> } | null {
  // Next's precedence: static before dynamic before catch-all. The route
  // table comes in match order; sort defensively for other inputs.
  const rank = (p: string) => {
    const segs = parsePattern(p);
    let r = 0;
    for (const s of segs) r += s.kind === 'static' ? 0 : s.kind === 'param' ? 1 : s.kind === 'catchall' ? 100 : 1000;
    return r;
  };
  const sorted = patterns.map((p, i) => ({ p, i, r: rank(p) })).sort((a, b) => a.r - b.r || a.i - b.i);
  for (const { p } of sorted) {
    const v = matchPath(p, path);
    if (v) return { pattern: p, values: v };
  }
  return null;
}

// ---- query table -------------------------------------------------------------

export interface Pair {
  name: string;
  value: string;
  enabled: boolean;
}

/** "?a=1&b=two%20words&flag" → rows; "+" reads as a space, as browsers do. */
export function parseQuery(search: string): Pair[] {
  const q = search.startsWith('?') ? search.slice(1) : search;
  if (q === '') return [];
  return q.split('&').filter((p) => p !== '').map((p) => {
    const eq = p.indexOf('=');
    const raw = eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
    const dec = (s: string) => decodeSegment(s.replace(/\+/g, ' '));
    return { name: dec(raw[0]), value: dec(raw[1]), enabled: true };
  });
}

/** Rows → "?a=1&b=two%20words" ("" when none are enabled). */
export function buildQuery(rows: Pair[]): string {
  const parts = rows
    .filter((r) => r.enabled && r.name !== '')
    .map((r) => encodeURIComponent(r.name) + (r.value === '' ? '' : '=' + encodeURIComponent(r.value)));
  return parts.length ? '?' + parts.join('&') : '';
}

export interface UrlParts {
  origin: string; // "http://127.0.0.1:3000" or "" for a path
  path: string; // "/api/hello"
  query: string; // "?a=1" or ""
  hash: string; // "#x" or ""
}

/** Splits what the user typed without normalising it (unlike new URL). */
export function splitUrl(url: string): UrlParts {
  let rest = url.trim();
  let origin = '';
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(rest);
  if (m) {
    origin = m[1];
    rest = rest.slice(origin.length);
  }
  let hash = '';
  const h = rest.indexOf('#');
  if (h >= 0) {
    hash = rest.slice(h);
    rest = rest.slice(0, h);
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q);
    rest = rest.slice(0, q);
  }
  let path = rest;
  if (path !== '' && !path.startsWith('/')) path = '/' + path;
  if (origin && path === '') path = '/';
  return { origin, path, query, hash };
}

export function joinUrl(p: UrlParts): string {
  return p.origin + p.path + p.query + p.hash;
}

/** The URL with its query replaced by the rows. */
export function withQuery(url: string, rows: Pair[]): string {
  const p = splitUrl(url);
  return joinUrl({ ...p, query: buildQuery(rows) });
}

/** The URL with its path replaced by the pattern filled with values. */
export function withPath(url: string, pattern: string, values: Record<string, string>): string {
  const p = splitUrl(url);
  return joinUrl({ ...p, path: buildPath(pattern, values) });
}

/** Route patterns for the URL box's suggestions: prefix matches first, then substring. */
export function suggestRoutes(patterns: string[], typed: string, limit = 12): string[] {
  const path = splitUrl(typed).path.toLowerCase();
  if (path === '' || path === '/') return patterns.slice(0, limit);
  const prefix: string[] = [];
  const sub: string[] = [];
  for (const p of patterns) {
    const lp = p.toLowerCase();
    if (lp === path) continue;
    if (lp.startsWith(path)) prefix.push(p);
    else if (lp.includes(path) || matchPath(p, path)) sub.push(p);
  }
  return prefix.concat(sub).slice(0, limit);
}
