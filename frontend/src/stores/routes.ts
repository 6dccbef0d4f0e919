// The route table and project diagnostics.

import type { Diag, RouteInfo } from '../bridge/types';
import { createStore, derived } from './store';

export const routes = createStore<RouteInfo[]>([]);
export const projectDiagnostics = createStore<Diag[]>([]);
/** The Routes view's search box and selected row (a route's file, stable across rebuilds). */
export const routeQuery = createStore('');
export const selectedRoute = createStore('');

export function setRoutes(list: RouteInfo[]): void {
  routes.set(list ?? []);
}

/** build:start / build:done: the route's new state, matched by file (then pattern). */
export function applyRoute(r: RouteInfo): void {
  const list = routes.get();
  let i = list.findIndex((x) => x.file === r.file);
  if (i < 0) i = list.findIndex((x) => x.pattern === r.pattern);
  if (i < 0) {
    routes.set([...list, r]);
    return;
  }
  const prev = list[i];
  // build:start may come without the last build: keep it for the size bar
  const next: RouteInfo = { ...prev, ...r, build: r.build ?? prev.build, builtAt: r.builtAt ?? prev.builtAt };
  const copy = list.slice();
  copy[i] = next;
  routes.set(copy);
}

export function setProjectDiagnostics(d: Diag[]): void {
  projectDiagnostics.set(d ?? []);
}

/** The newest builtAt of any route, RFC 3339, or "". */
export const lastBuiltAt = derived([routes], () => {
  let best = '';
  let bestT = -Infinity;
  for (const r of routes.get()) {
    if (!r.builtAt) continue;
    const t = new Date(r.builtAt).getTime();
    if (t > bestT) {
      bestT = t;
      best = r.builtAt;
    }
  }
  return best;
});

export function resetRoutes(): void {
  routes.set([]);
  projectDiagnostics.set([]);
  routeQuery.set('');
  selectedRoute.set('');
}
