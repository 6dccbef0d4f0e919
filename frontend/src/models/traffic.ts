// Traffic filters and helpers over exchange arrays. Pure functions.

import type { Chunk, Exchange } from '../bridge/types';

export type StatusFilter = 'all' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed' | 'stream' | 'pending';

export interface TrafficFilter {
  text: string; // free text, plus method:, status:, route: tokens; "-" negates
  route: string; // pattern, "" for all
  status: StatusFilter;
}

export const emptyFilter: TrafficFilter = { text: '', route: '', status: 'all' };

export function isFailed(x: Exchange): boolean {
  return !!x.error || x.status >= 500;
}

export function statusClass(x: Pick<Exchange, 'status' | 'done' | 'error'>): 'pending' | 'ok' | 'redirect' | 'client' | 'server' {
  if (!x.status) return x.error ? 'server' : 'pending';
  if (x.status >= 500) return 'server';
  if (x.status >= 400) return 'client';
  if (x.status >= 300) return 'redirect';
  return 'ok';
}

function matchStatus(x: Exchange, s: StatusFilter): boolean {
  switch (s) {
    case 'all':
      return true;
    case '2xx':
      return x.status >= 200 && x.status < 300;
    case '3xx':
      return x.status >= 300 && x.status < 400;
    case '4xx':
      return x.status >= 400 && x.status < 500;
    case '5xx':
      return x.status >= 500 && x.status < 600;
    case 'failed':
      return isFailed(x);
    case 'stream':
      return x.stream;
    case 'pending':
      return !x.done;
  }
}

type Term = { neg: boolean; key: '' | 'method' | 'status' | 'route'; value: string };

/** "POST -status:2xx route:/api/users/[id] hello" → terms. */
export function parseFilterText(text: string): Term[] {
  const terms: Term[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    if (!raw) continue;
    let t = raw;
    const neg = t.startsWith('-') && t.length > 1;
    if (neg) t = t.slice(1);
    const m = /^(method|status|route):(.*)$/i.exec(t);
    if (m) terms.push({ neg, key: m[1].toLowerCase() as Term['key'], value: m[2].toLowerCase() });
    else terms.push({ neg, key: '', value: t.toLowerCase() });
  }
  return terms;
}

/** "404" matches 404; "4xx" or "4" matches 400–499. */
function statusMatches(status: number, v: string): boolean {
  const s = String(status);
  if (/^\dxx$/.test(v)) return s[0] === v[0] && s.length === 3;
  return s.startsWith(v);
}

function termMatches(x: Exchange, t: Term): boolean {
  switch (t.key) {
    case 'method':
      return x.method.toLowerCase() === t.value;
    case 'status':
      return statusMatches(x.status, t.value);
    case 'route':
      return (x.route ?? '').toLowerCase().includes(t.value);
    default:
      return (
        x.path.toLowerCase().includes(t.value) ||
        x.url.toLowerCase().includes(t.value) ||
        x.method.toLowerCase() === t.value ||
        String(x.status) === t.value ||
        (x.route ?? '').toLowerCase().includes(t.value)
      );
  }
}

/** A predicate for the filter, compiled once per filter change. */
export function compileFilter(f: TrafficFilter): (x: Exchange) => boolean {
  const terms = parseFilterText(f.text);
  const route = f.route;
  const status = f.status;
  return (x) => {
    if (route && x.route !== route) return false;
    if (!matchStatus(x, status)) return false;
    for (const t of terms) if (termMatches(x, t) === t.neg) return false;
    return true;
  };
}

export function filterExchanges(list: readonly Exchange[], f: TrafficFilter): Exchange[] {
  if (!f.text.trim() && !f.route && f.status === 'all') return list as Exchange[];
  const p = compileFilter(f);
  return list.filter(p);
}

/** Merges chunks by index (later copies win), sorted by index. */
export function mergeChunks(a: Chunk[] | undefined, b: Chunk[] | undefined): Chunk[] {
  if (!a?.length) return b ? [...b].sort((x, y) => x.index - y.index) : [];
  if (!b?.length) return a;
  const m = new Map<number, Chunk>();
  for (const c of a) m.set(c.index, c);
  for (const c of b) m.set(c.index, c);
  return [...m.values()].sort((x, y) => x.index - y.index);
}

export interface StackFrame {
  text: string; // the line as written
  file?: string;
  line?: number;
  column?: number; // 1-based, as in JS stacks
}

/**
 * Frames of a JS stack with their positions: "at handler (pages/api/x.ts:5:9)",
 * "at pages/api/x.ts:5:9", "handler@pages/api/x.ts:5:9".
 */
export function parseStack(stack: string): StackFrame[] {
  return stack
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .map((text) => {
      const m = /\(?((?:[a-zA-Z]:)?[^\s():@]+(?:\.[a-zA-Z0-9]+)?):(\d+):(\d+)\)?\s*$/.exec(text);
      if (!m) return { text };
      return { text, file: m[1], line: Number(m[2]), column: Number(m[3]) };
    });
}

/** Whether a stack file is the project's (worth opening in the editor). */
export function isProjectFile(file: string | undefined): boolean {
  if (!file) return false;
  if (/^(native|internal|<|node:|edgeplay:|https?:)/.test(file)) return false;
  return !file.includes('node_modules/');
}
