// Search in the Routes and Bundles lists: a query is whitespace-separated
// terms, matched case-insensitively as substrings; an item matches when
// every term is in one of its fields. Plus the count label, the matched
// stretches to highlight, and keyboard stepping through a list. Pure.

import type { BuildInput, RouteInfo } from '../bridge/types';
import { groupKeyOf, type ModuleGroup } from './bundle';

/** "  Users  [ID] " → ["users", "[id]"]. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every term is a substring of one of the fields (lower-cased). No terms: true. */
export function matchesTerms(fields: readonly (string | undefined)[], terms: readonly string[]): boolean {
  if (!terms.length) return true;
  const lower = fields.map((f) => (f ?? '').toLowerCase());
  return terms.every((t) => lower.some((f) => f.includes(t)));
}

/**
 * The items that match the query, in their order. An empty query gives
 * back the same array, so a memo keyed on the result does not churn.
 */
export function filterList<T>(items: readonly T[], query: string, fields: (item: T) => readonly (string | undefined)[]): readonly T[] {
  const terms = searchTerms(query);
  if (!terms.length) return items;
  return items.filter((it) => matchesTerms(fields(it), terms));
}

/** Routes by pattern and file. */
export function filterRoutes(routes: readonly RouteInfo[], query: string): readonly RouteInfo[] {
  return filterList(routes, query, (r) => [r.pattern, r.file]);
}

/** A bundle's modules by path (a package's name is in it); scope: only that group's (groupKeyOf). */
export function filterModules(inputs: readonly BuildInput[], query: string, scope = ''): readonly BuildInput[] {
  const scoped = scope ? inputs.filter((m) => groupKeyOf(m.path) === scope) : inputs;
  return filterList(scoped, query, (m) => [m.path]);
}

/** Module groups (packages, project files) by label. */
export function filterGroups(groups: readonly ModuleGroup[], query: string): readonly ModuleGroup[] {
  return filterList(groups, query, (g) => [g.label]);
}

/** "300 routes", "12 of 300 routes", "1 route", "0 of 1 route". */
export function countLabel(shown: number, total: number, noun: string, plural = noun + 's'): string {
  const word = total === 1 ? noun : plural;
  return shown === total ? `${total} ${word}` : `${shown} of ${total} ${word}`;
}

export interface Part {
  text: string;
  hit: boolean;
}

/** text split into stretches that match a term (hit) and the rest; overlapping matches merged. */
export function highlight(text: string, query: string): Part[] {
  const terms = searchTerms(query);
  if (!terms.length || !text) return text ? [{ text, hit: false }] : [];
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const t of terms) {
    for (let i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + 1)) ranges.push([i, i + t.length]);
  }
  if (!ranges.length) return [{ text, hit: false }];
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const parts: Part[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) parts.push({ text: text.slice(at, a), hit: false });
    parts.push({ text: text.slice(a, b), hit: true });
    at = b;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}

/**
 * The row a navigation key moves the selection to, clamped to [0, count);
 * null for a key that does not navigate. index -1 is "nothing selected":
 * down/home/page-down start at the top, up/end/page-up at the bottom.
 */
export function stepIndex(index: number, count: number, key: string, page: number): number | null {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  const none = index < 0 || index >= count;
  const p = Math.max(1, page);
  switch (key) {
    case 'ArrowDown':
      return none ? 0 : clamp(index + 1);
    case 'ArrowUp':
      return none ? count - 1 : clamp(index - 1);
    case 'PageDown':
      return none ? clamp(p - 1) : clamp(index + p);
    case 'PageUp':
      return none ? clamp(count - p) : clamp(index - p);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl/Cmd+F anywhere, or "/" when not typing in a field: focus the view's search box. */
export function isSearchShortcut(e: KeyLike, typing: boolean): boolean {
  if (e.altKey) return false;
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && (e.key === 'f' || e.key === 'F')) return true;
  return e.key === '/' && !typing && !e.ctrlKey && !e.metaKey;
}
