// Shell state: connection, project info, settings, current view, and the
// console lines that belong to no request.

import type { Info, Log, Settings } from '../bridge/types';
import type { LinkState, TransportKind } from '../bridge/transport';
import { Ring } from './ring';
import { createStore } from './store';

export type Phase = 'connecting' | 'ready' | 'unreachable';

export interface Connection {
  phase: Phase;
  error: string; // why it is unreachable
  link: LinkState; // the event stream
  transport: TransportKind | null;
}

export const connection = createStore<Connection>({ phase: 'connecting', error: '', link: 'connecting', transport: null });
export const info = createStore<Info | null>(null);
export const settings = createStore<Settings | null>(null);

export type View = 'routes' | 'traffic' | 'composer' | 'bundles';
export const VIEWS: View[] = ['routes', 'traffic', 'composer', 'bundles'];

/** "#bundles" or "#traffic/42" → the view (and exchange) it names. */
export function parseHash(hash: string): { view: View | null; seq: number | null } {
  const [v, s] = hash.replace(/^#\/?/, '').split('/');
  const n = Number(s);
  return { view: VIEWS.includes(v as View) ? (v as View) : null, seq: s && Number.isInteger(n) && n > 0 ? n : null };
}

function initialView(): View {
  const fromHash = parseHash(location.hash).view;
  if (fromHash) return fromHash;
  try {
    const v = localStorage.getItem('edgeplay.view') as View | null;
    if (v && VIEWS.includes(v)) return v;
  } catch {
    // no storage
  }
  // First run: the route table is what a new project is about.
  return 'routes';
}

const inBrowser = typeof window !== 'undefined' && typeof localStorage !== 'undefined';

// The view is in the address too (#routes, #traffic, …): reloads and links keep it.
export const view = createStore<View>(inBrowser ? initialView() : 'routes');
view.subscribe(() => {
  const v = view.get();
  try {
    localStorage.setItem('edgeplay.view', v);
  } catch {
    // no storage
  }
  if (parseHash(location.hash).view !== v) history.replaceState(null, '', `${location.pathname}${location.search}#${v}`);
});
if (inBrowser) {
  window.addEventListener('hashchange', () => {
    const v = parseHash(location.hash).view;
    if (v) view.set(v);
  });
}

export const MAX_ENGINE_LOGS = 2000;
let logSeq = 0;
type Keyed<T> = T & { _k: number };
const logRing = new Ring<Keyed<Log>>(MAX_ENGINE_LOGS, (l) => l._k);
/** Console lines outside any exchange, and engine messages. */
export const engineLog = createStore(logRing);

export function addEngineLog(l: Log): void {
  logRing.push({ ...l, _k: ++logSeq });
  engineLog.touch();
}

export function clearEngineLog(): void {
  logRing.clear();
  engineLog.touch();
}

/** Project name for document.title. */
export function titleFor(i: Info | null): string {
  return i ? `edgeplay — ${i.project.name}` : 'edgeplay';
}
