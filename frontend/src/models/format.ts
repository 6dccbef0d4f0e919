// Formatting of sizes, durations, times and bodies. Pure functions.

import type { Header } from '../bridge/types';

const UNITS = ['B', 'kB', 'MB', 'GB'];

/** 1234 → "1.21 kB": 1024-based units, as the engine and Vercel's size limits count. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const sign = n < 0 ? '-' : '';
  let v = Math.abs(n);
  let u = 0;
  // 1024-based, as the engine's messages and Vercel's limits count
  // ("1 MB" is 1,048,576 bytes), so a bar and its error text agree.
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return `${sign}${v} B`;
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${sign}${v.toFixed(digits)} ${UNITS[u]}`;
}

/**
 * A size limit as the plans name it: whole mebibytes read "1 MB", "4 MB"
 * (Vercel's 1 MB edge limit is 1,048,576 bytes); anything else as formatBytes.
 */
export function formatLimit(n: number): string {
  const mib = 1024 * 1024;
  if (n > 0 && n % mib === 0) return `${n / mib} MB`;
  return formatBytes(n);
}

/** Signed byte delta: "+1.2 kB", "-300 B", "0 B". */
export function formatDelta(n: number): string {
  if (n === 0) return '0 B';
  return (n > 0 ? '+' : '') + formatBytes(n);
}

/** Nanoseconds → "850 µs", "12.3 ms", "1.52 s". */
export function formatDuration(ns: number): string {
  if (!Number.isFinite(ns) || ns < 0) return '–';
  if (ns < 1e3) return `${Math.round(ns)} ns`;
  if (ns < 1e6) return `${Math.round(ns / 1e3)} µs`;
  const ms = ns / 1e6;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(2)} s`;
  return `${Math.floor(s / 60)}m ${Math.round(s % 60)}s`;
}

/** Nanoseconds → milliseconds with one decimal, for chunk offsets: "+12.3". */
export function formatOffsetMs(ns: number): string {
  return (ns / 1e6).toFixed(1);
}

/** RFC 3339 → "14:03:07.123" in local time; "" when unparsable. */
export function formatClock(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

/** "3s ago", "5m ago"; relative to now (ms since epoch). */
export function formatAgo(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return new Date(t).toLocaleDateString();
}

// ---- bytes ----------------------------------------------------------------

/** Decodes standard or URL-safe base64 (padding optional) to bytes. */
export function base64ToBytes(b64: string | undefined): Uint8Array {
  if (!b64) return new Uint8Array(0);
  let s = b64.replace(/[\s]/g, '').replace(/-/g, '+').replace(/_/g, '/');
  while (s.length % 4 !== 0) s += '=';
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Encodes bytes as standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    bin += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(bin);
}

const utf8 = new TextDecoder('utf-8');

/** UTF-8 text of bytes; invalid sequences become U+FFFD. */
export function bytesToText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** UTF-8 text of a base64 string. */
export function base64ToText(b64: string | undefined): string {
  return bytesToText(base64ToBytes(b64));
}

/** Joins byte arrays. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Whether bytes read as text: valid UTF-8 (a sequence cut at the very end
 * is allowed: previews are truncated) and no control characters other than
 * tab, newline, carriage return and form feed.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) return false;
      if (b === 0x7f) return false;
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) {
      // a sequence cut by the preview limit: check the bytes that are there
      for (let k = 1; i + k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
      return true;
    }
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

const HEX = '0123456789abcdef';

/**
 * A hex dump, 16 bytes a line: "00000000  7b 22 61 22 3a 31 7d 0a  ...  |{"a":1}.|".
 * Stops after max bytes.
 */
export function hexDump(bytes: Uint8Array, max = 64 * 1024): string[] {
  const lines: string[] = [];
  const n = Math.min(bytes.length, max);
  for (let off = 0; off < n; off += 16) {
    let hex = '';
    let ascii = '';
    for (let k = 0; k < 16; k++) {
      if (k === 8) hex += ' ';
      if (off + k < n) {
        const b = bytes[off + k];
        hex += HEX[b >> 4] + HEX[b & 15] + ' ';
        ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      } else {
        hex += '   ';
      }
    }
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`);
  }
  return lines;
}

/** Text with control characters made visible, for one-line chunk previews. */
export function escapeControls(s: string): string {
  return s.replace(/[\x00-\x1f\x7f]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
    }
  });
}

// ---- JSON -----------------------------------------------------------------

export type JsonParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Pretty JSON (2 spaces), or the text unchanged when it is not JSON. */
export function prettyJson(text: string): string {
  const p = parseJson(text);
  return p.ok ? JSON.stringify(p.value, null, 2) : text;
}

/** One-line preview of a JSON value for a collapsed node: `{…} 3 keys`, `[…] 10 items`. */
export function jsonSummary(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[…] ${v.length} ${v.length === 1 ? 'item' : 'items'}`;
  if (v !== null && typeof v === 'object') {
    const n = Object.keys(v).length;
    return n === 0 ? '{}' : `{…} ${n} ${n === 1 ? 'key' : 'keys'}`;
  }
  return JSON.stringify(v) ?? String(v);
}

// ---- headers and body kinds --------------------------------------------------

export function headerValue(headers: Header[] | undefined, name: string): string {
  if (!headers) return '';
  const lower = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === lower) return h.value;
  return '';
}

export type BodyView = 'json' | 'text' | 'image' | 'hex';

/** Picks the viewer for a body from its content type and, failing that, its bytes. */
export function bodyViewFor(contentType: string, bytes: Uint8Array): BodyView {
  const ct = contentType.toLowerCase().split(';')[0].trim();
  if (ct.startsWith('image/')) return 'image';
  if (ct === 'application/json' || ct.endsWith('+json')) return 'json';
  if (
    ct.startsWith('text/') ||
    ct.endsWith('+xml') ||
    ct === 'application/xml' ||
    ct === 'application/javascript' ||
    ct === 'application/x-www-form-urlencoded' ||
    ct === 'application/x-ndjson'
  ) {
    return looksLikeText(bytes) ? 'text' : 'hex';
  }
  if (bytes.length === 0) return 'text';
  if (looksLikeText(bytes)) {
    const head = bytesToText(bytes.subarray(0, 1)).trim();
    if ((head === '{' || head === '[') && parseJson(bytesToText(bytes)).ok) return 'json';
    return 'text';
  }
  return 'hex';
}
