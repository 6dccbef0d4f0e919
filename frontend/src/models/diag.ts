// Diagnostics: positions, the caret under the code line, and the error
// list of the Routes view. Pure functions.

import type { Diag, Location, RouteInfo } from '../bridge/types';

/** "pages/api/x.ts:5:10" (column shown 1-based, as editors do); just the file when there is no line (a size error is about the whole bundle). */
export function locationLabel(l: Location): string {
  if (!l.line) return l.file;
  return `${l.file}:${l.line}:${l.column + 1}`;
}

/** Spaces then carets under columns [column, column+length) of lineText; tabs kept so it lines up. */
export function caretLine(l: Pick<Location, 'column' | 'length' | 'lineText'>): string {
  const prefix = l.lineText.slice(0, l.column).replace(/[^\t]/g, ' ');
  const n = Math.max(1, Math.min(l.length || 1, Math.max(1, l.lineText.length - l.column)));
  return prefix + '^'.repeat(n);
}

export interface DiagEntry {
  diag: Diag;
  route?: string; // pattern, when the diagnostic belongs to a route's build
}

function keyOf(d: Diag): string {
  const l = d.location;
  return `${d.kind}|${d.text}|${l ? `${l.file}:${l.line}:${l.column}` : ''}`;
}

/** Project diagnostics, then each route's errors and warnings, without duplicates; errors first. */
export function collectDiagnostics(project: Diag[], routes: RouteInfo[]): DiagEntry[] {
  const seen = new Set<string>();
  const out: DiagEntry[] = [];
  const add = (d: Diag, route?: string) => {
    const k = keyOf(d) + '|' + (route ?? '');
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ diag: d, route });
  };
  for (const d of project) add(d);
  for (const r of routes) {
    for (const d of r.diagnostics ?? []) add(d, r.pattern);
    for (const d of r.build?.diagnostics ?? []) add(d, r.pattern);
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank[a.e.diag.kind] - rank[b.e.diag.kind] || a.i - b.i)
    .map((x) => x.e);
}

export function countErrors(entries: DiagEntry[]): number {
  let n = 0;
  for (const e of entries) if (e.diag.kind === 'error') n++;
  return n;
}

/** Why a Node.js route does not run here: its own diagnostic if it has one. */
export function nodeReason(r: RouteInfo): string {
  const d = r.diagnostics?.find((x) => x.kind !== 'error') ?? r.diagnostics?.[0];
  if (d) return d.text;
  return "Node.js runtime: edgeplay runs Edge routes only. Add `export const config = { runtime: 'edge' }` to run it here; until then it answers 501.";
}
