// The composer: the request being edited (kept across views and reloads),
// and the exchange its last Send produced, found by client address.

import type { BodyKind, ComposerRequest, Header, HistoryEntry, SavedRequest, TrafficEvent } from '../bridge/types';
import { buildPath, findRoute, parsePattern, parseQuery, patternFields, splitUrl, withPath, withQuery, type Pair } from '../models/url';
import { createStore } from './store';

export interface Row extends Pair {}

export interface Draft {
  method: string;
  url: string; // what the URL box shows: path (or absolute URL) with the query
  pattern: string; // the route the path was built from, "" when typed freely
  params: Record<string, string>; // dynamic segment values
  query: Row[];
  headers: Row[];
  bodyKind: BodyKind;
  text: string; // body for text and json
  form: Row[]; // body for form
  file: { name: string; type: string; size: number; base64: string } | null;
  savedId: string; // the saved request this draft was opened from
  name: string;
}

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function emptyDraft(): Draft {
  return {
    method: 'GET',
    url: '/api/hello',
    pattern: '',
    params: {},
    query: [],
    headers: [],
    bodyKind: 'none',
    text: '',
    form: [],
    file: null,
    savedId: '',
    name: '',
  };
}

const KEY = 'edgeplay.composer';

function loadDraft(): Draft {
  try {
    const s = localStorage.getItem(KEY);
    if (s) return { ...emptyDraft(), ...(JSON.parse(s) as Partial<Draft>), file: null };
  } catch {
    // no storage or bad JSON
  }
  return emptyDraft();
}

export const draft = createStore<Draft>(typeof localStorage === 'undefined' ? emptyDraft() : loadDraft());
draft.subscribe(() => {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...draft.get(), file: null }));
  } catch {
    // quota or no storage
  }
});

function rows(hs: Header[]): Row[] {
  return hs.map((h) => ({ name: h.name, value: h.value, enabled: true }));
}

function contentTypeFor(kind: BodyKind, file: Draft['file']): string {
  switch (kind) {
    case 'json':
      return 'application/json';
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'text':
      return 'text/plain;charset=UTF-8';
    case 'file':
      return file?.type || 'application/octet-stream';
    default:
      return '';
  }
}

export function formBody(form: Row[]): string {
  const p = new URLSearchParams();
  for (const r of form) if (r.enabled && r.name) p.append(r.name, r.value);
  return p.toString();
}

/**
 * The ComposerRequest for a draft. A Content-Type matching the body kind is
 * added unless the user set one; disabled rows are left out.
 */
export function toRequest(d: Draft, autoContentType = true): ComposerRequest {
  const headers: Header[] = d.headers.filter((h) => h.enabled && h.name.trim()).map((h) => ({ name: h.name.trim(), value: h.value }));
  let body = '';
  switch (d.bodyKind) {
    case 'text':
    case 'json':
      body = d.text;
      break;
    case 'form':
      body = formBody(d.form);
      break;
    case 'file':
      body = d.file?.base64 ?? '';
      break;
  }
  const bodyKind: BodyKind = d.bodyKind === 'file' && !d.file ? 'none' : d.bodyKind;
  const ct = contentTypeFor(bodyKind, d.file);
  if (autoContentType && ct && !headers.some((h) => h.name.toLowerCase() === 'content-type')) headers.push({ name: 'Content-Type', value: ct });
  return { method: d.method, url: d.url.trim(), headers, body: bodyKind === 'none' ? '' : body, bodyKind };
}

/** A draft from a request (saved, history, imported curl). */
export function fromRequest(r: ComposerRequest, extra?: Partial<Draft>): Draft {
  const d = emptyDraft();
  d.method = (r.method || 'GET').toUpperCase();
  d.url = r.url;
  d.query = parseQuery(splitUrl(r.url).query);
  d.headers = rows(r.headers ?? []);
  d.bodyKind = r.bodyKind ?? 'none';
  if (d.bodyKind === 'form') d.form = parseQuery(r.body ?? '');
  else if (d.bodyKind === 'file') d.file = r.body ? { name: 'body', type: '', size: Math.floor((r.body.length * 3) / 4), base64: r.body } : null;
  else d.text = r.body ?? '';
  return { ...d, ...extra };
}

// ---- editing: pure Draft -> Draft ------------------------------------------

/** The static start of a pattern: "/api/users/[id]" → "/api/users/". */
function staticPrefix(pattern: string): string {
  const out: string[] = [];
  for (const s of parsePattern(pattern)) {
    if (s.kind !== 'static') return '/' + out.join('/') + (out.length ? '/' : '');
    out.push(s.text);
  }
  return '/' + out.join('/');
}

/**
 * The user typed a URL: the query table follows it (disabled rows are kept
 * at the end), and the path is matched against the routes to fill the
 * dynamic segment fields. A path that no longer matches keeps the chosen
 * pattern while it still starts with the pattern's static part.
 */
export function applyUrl(d: Draft, url: string, patterns: string[]): Draft {
  const parts = splitUrl(url);
  const query = [...parseQuery(parts.query), ...d.query.filter((r) => !r.enabled)];
  const m = findRoute(patterns, parts.path);
  let pattern = '';
  let params = d.params;
  if (m && patternFields(m.pattern).length) {
    pattern = m.pattern;
    params = m.values;
  } else if (!m && d.pattern && parts.path.startsWith(staticPrefix(d.pattern))) {
    pattern = d.pattern;
  }
  return { ...d, url, query, pattern, params };
}

/** A route was picked from the suggestions. */
export function applyPattern(d: Draft, pattern: string): Draft {
  const fields = patternFields(pattern);
  const params: Record<string, string> = {};
  for (const f of fields) params[f.name] = d.params[f.name] ?? '';
  const parts = splitUrl(d.url);
  const url = parts.origin + buildPath(pattern, params) + parts.query;
  return { ...d, url, pattern: fields.length ? pattern : '', params };
}

/** A dynamic segment field changed. */
export function applyParam(d: Draft, name: string, value: string): Draft {
  if (!d.pattern) return d;
  const params = { ...d.params, [name]: value };
  return { ...d, params, url: withPath(d.url, d.pattern, params) };
}

/** The query table changed. */
export function applyQuery(d: Draft, rows: Row[]): Draft {
  return { ...d, query: rows, url: withQuery(d.url, rows) };
}

// ---- the response -------------------------------------------------------------

export interface Sent {
  id: number; // increments per Send
  client: string; // from SendResult; "" until Send returned
  seq: number | null; // the exchange, once found
  sending: boolean;
  error: string;
  at: number; // Date.now() when sent
  after: number; // the newest seq before sending: older exchanges on a reused connection are not ours
}

export const sent = createStore<Sent | null>(null);
let sendId = 0;

export function beginSend(newestSeq: number): number {
  sent.set({ id: ++sendId, client: '', seq: null, sending: true, error: '', at: Date.now(), after: newestSeq });
  return sendId;
}

export function sendResolved(id: number, client: string, existingSeq: number | null): void {
  const s = sent.get();
  if (!s || s.id !== id) return;
  sent.set({ ...s, client, sending: false, seq: s.seq ?? existingSeq });
}

export function sendFailed(id: number, error: string): void {
  const s = sent.get();
  if (!s || s.id !== id) return;
  sent.set({ ...s, sending: false, error });
}

/** Finds the composer's exchange among incoming events by its client address. */
export function matchSent(ev: TrafficEvent): void {
  const s = sent.get();
  if (!s || !s.client || s.seq !== null) return;
  if (ev.seq > s.after && ev.exchange?.client === s.client) sent.set({ ...s, seq: ev.seq });
}

export const savedRequests = createStore<SavedRequest[]>([]);
export const history = createStore<HistoryEntry[]>([]);

export function resetComposer(): void {
  sent.set(null);
  savedRequests.set([]);
  history.set([]);
}
