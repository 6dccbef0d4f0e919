// Bundle inspection: modules grouped by package, import chains, size
// deltas between builds, and usage of the size limit. Pure functions.

import type { BuildInput, BuildResult } from '../bridge/types';

/**
 * The npm package a module belongs to, or "" for project code:
 * "node_modules/@scope/pkg/dist/x.js" → "@scope/pkg",
 * "node_modules/a/node_modules/b/i.js" → "b" (the innermost copy).
 */
export function packageOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('node_modules/');
  if (i < 0) return '';
  const rest = p.slice(i + 'node_modules/'.length).split('/');
  if (rest[0].startsWith('@') && rest.length > 1) return `${rest[0]}/${rest[1]}`;
  return rest[0];
}

export interface ModuleGroup {
  key: string; // the package name, or the module path for project code
  label: string;
  kind: 'package' | 'project';
  bytes: number;
  modules: BuildInput[]; // heaviest first
}

/** The group a module belongs to: "pkg:<name>" for a package's files, the path for project code. */
export function groupKeyOf(path: string): string {
  const pkg = packageOf(path);
  return pkg ? `pkg:${pkg}` : path;
}

/** Groups a build's inputs: one group per package, one per project module. Heaviest first. */
export function groupModules(inputs: BuildInput[]): ModuleGroup[] {
  const byKey = new Map<string, ModuleGroup>();
  for (const m of inputs) {
    const pkg = packageOf(m.path);
    const key = groupKeyOf(m.path);
    let g = byKey.get(key);
    if (!g) {
      g = { key, label: pkg || m.path, kind: pkg ? 'package' : 'project', bytes: 0, modules: [] };
      byKey.set(key, g);
    }
    g.bytes += m.bytes;
    g.modules.push(m);
  }
  const out = [...byKey.values()];
  for (const g of out) g.modules.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  out.sort((a, b) => b.bytes - a.bytes || a.label.localeCompare(b.label));
  return out;
}

/**
 * The shortest chain of imports from `from` to a module for which `isTarget`
 * holds: [from, …, target]; [] when none is reachable. Breadth-first, with
 * importers' lists visited in the order the build reported them.
 */
export function importChain(
  imports: Record<string, string[]>,
  from: string,
  isTarget: (path: string) => boolean,
): string[] {
  if (isTarget(from)) return [from];
  const prev = new Map<string, string>();
  const seen = new Set<string>([from]);
  let frontier = [from];
  while (frontier.length) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const dep of imports[node] ?? []) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        prev.set(dep, node);
        if (isTarget(dep)) {
          const chain = [dep];
          let cur = dep;
          while (cur !== from) {
            cur = prev.get(cur)!;
            chain.push(cur);
          }
          return chain.reverse();
        }
        next.push(dep);
      }
    }
    frontier = next;
  }
  return [];
}

/** The chain to a group: any of its modules counts as reached. */
export function chainToGroup(build: BuildResult, routeFile: string, group: ModuleGroup): string[] {
  const targets = new Set(group.modules.map((m) => m.path));
  const start = build.imports[build.file] ? build.file : routeFile;
  return importChain(build.imports ?? {}, start, (p) => targets.has(p));
}

export interface DeltaRow {
  path: string;
  before: number;
  after: number;
  delta: number;
  change: 'added' | 'removed' | 'changed';
}

/** Modules whose bytes changed between two builds, largest change first. */
export function sizeDelta(previous: BuildInput[] | undefined, current: BuildInput[] | undefined): DeltaRow[] {
  const before = new Map<string, number>();
  for (const m of previous ?? []) before.set(m.path, (before.get(m.path) ?? 0) + m.bytes);
  const after = new Map<string, number>();
  for (const m of current ?? []) after.set(m.path, (after.get(m.path) ?? 0) + m.bytes);
  const rows: DeltaRow[] = [];
  for (const [path, a] of after) {
    const b = before.get(path);
    if (b === undefined) rows.push({ path, before: 0, after: a, delta: a, change: 'added' });
    else if (a !== b) rows.push({ path, before: b, after: a, delta: a - b, change: 'changed' });
  }
  for (const [path, b] of before) {
    if (!after.has(path)) rows.push({ path, before: b, after: 0, delta: -b, change: 'removed' });
  }
  rows.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.path.localeCompare(y.path));
  return rows;
}

export type UsageLevel = 'ok' | 'warn' | 'over';

/** Share of the limit used (0..∞) and its level: warning past 80%, error past 100%. */
export function usage(bytes: number, limit: number): { ratio: number; level: UsageLevel } {
  if (!(limit > 0)) return { ratio: 0, level: 'ok' };
  const ratio = bytes / limit;
  return { ratio, level: ratio > 1 ? 'over' : ratio > 0.8 ? 'warn' : 'ok' };
}

/** A short hash → hue for stable package colours in the treemap. */
export function hueOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 360;
}
