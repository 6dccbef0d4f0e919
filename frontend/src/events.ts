// The only module that subscribes to backend events. It loads the state
// once, then dispatches `edgeplay:batch` items into the stores; on
// `edgeplay:project` it drops every store and loads again.

import { api, bridge, BridgeError, type EngineEvent, type Info } from './bridge';
import { addEngineLog, clearEngineLog, connection, info, settings } from './stores/app';
import { bundleBuilt, resetBundles, setBundleLoader } from './stores/bundles';
import { history, matchSent, resetComposer, savedRequests } from './stores/composer';
import { applyDetail, resetDetails, setDetailLoader } from './stores/details';
import { applyRoute, resetRoutes, setProjectDiagnostics, setRoutes } from './stores/routes';
import { applyTraffic, clearTraffic, loadExchanges } from './stores/traffic';

export const EVENT_BATCH = 'edgeplay:batch';
export const EVENT_PROJECT = 'edgeplay:project';
export const EVENT_HISTORY = 'edgeplay:history';

// Engine event types, mirrored from engine/events.go and engine/traffic.
export const ROUTES = 'routes';
export const BUILD_START = 'build:start';
export const BUILD_DONE = 'build:done';
export const DIAGNOSTICS = 'diagnostics';
export const LOG = 'log';
export const READY = 'ready';

/** Applies a batch of engine events to the stores, in order. */
export function dispatch(batch: EngineEvent[]): void {
  if (!Array.isArray(batch)) return;
  for (const ev of batch) {
    switch (ev.type) {
      case ROUTES:
        setRoutes(ev.routes ?? []);
        break;
      case BUILD_START:
        if (ev.route) applyRoute({ ...ev.route, state: ev.route.state ?? 'building' });
        break;
      case BUILD_DONE:
        if (ev.route) {
          applyRoute(ev.route);
          bundleBuilt(ev.route.file);
        }
        break;
      case DIAGNOSTICS:
        setProjectDiagnostics(ev.diagnostics ?? []);
        break;
      case LOG:
        if (ev.log) addEngineLog(ev.log);
        break;
      case READY:
        if (ev.url) {
          const i = info.get();
          if (i && i.url !== ev.url) info.set({ ...i, url: ev.url });
        }
        break;
      default:
        if (ev.traffic && ev.type.startsWith('exchange:')) {
          const t = ev.traffic.kind ? ev.traffic : { ...ev.traffic, kind: ev.type };
          applyTraffic(t);
          matchSent(t);
          applyDetail(t);
        }
    }
  }
}

/** Empties every store (another project was opened, or a fresh start). */
export function resetAll(): void {
  resetRoutes();
  clearTraffic();
  resetDetails();
  resetComposer();
  resetBundles();
  clearEngineLog();
}

let buffering = true;
let buffered: EngineEvent[][] = [];
let generation = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const RETRY_MS = 2000;

function onBatch(payload: unknown): void {
  const batch = payload as EngineEvent[];
  if (buffering) buffered.push(batch);
  else dispatch(batch);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Loads everything. Events that arrive meanwhile are held and applied
 * after the snapshot, so nothing is lost or applied twice out of order.
 */
export async function reload(): Promise<void> {
  const my = ++generation;
  buffering = true;
  clearTimeout(retryTimer);
  try {
    const [i, r, d, x] = await Promise.all([api.Info(), api.Routes(), api.Diagnostics(), api.Exchanges()]);
    if (my !== generation) return;
    info.set(i);
    setRoutes(r);
    setProjectDiagnostics(d);
    loadExchanges(x);
    connection.update((c) => ({ ...c, phase: 'ready', error: '' }));
    // not needed to work: failures here leave empty lists
    void api.Settings().then((s) => my === generation && settings.set(s), () => {});
    void loadSaved();
    void loadHistory();
  } catch (e) {
    if (my !== generation) return;
    const unreachable = !(e instanceof BridgeError) || e.unreachable || connection.get().phase !== 'ready';
    if (unreachable) {
      connection.update((c) => ({ ...c, phase: 'unreachable', error: message(e) }));
      retryTimer = setTimeout(() => void reload(), RETRY_MS);
    }
  } finally {
    if (my === generation) {
      buffering = false;
      const held = buffered;
      buffered = [];
      for (const b of held) dispatch(b);
    }
  }
}

export async function loadSaved(): Promise<void> {
  try {
    savedRequests.set((await api.SavedRequests()) ?? []);
  } catch {
    savedRequests.set([]);
  }
}

export async function loadHistory(): Promise<void> {
  try {
    history.set((await api.History()) ?? []);
  } catch {
    history.set([]);
  }
}

let started = false;

export async function start(): Promise<void> {
  if (started) return;
  started = true;
  setDetailLoader((seq) => api.Exchange(seq));
  setBundleLoader((file) => api.Bundle(file));
  const kind = await bridge.kind();
  connection.update((c) => ({ ...c, transport: kind }));
  await bridge.on(EVENT_BATCH, onBatch);
  await bridge.on(EVENT_PROJECT, (payload) => {
    resetAll();
    if (payload && typeof payload === 'object') info.set(payload as Info);
    void reload();
  });
  // The composer's history changed (a sent request got its answer).
  await bridge.on(EVENT_HISTORY, () => void loadHistory());
  let wasDown = false;
  await bridge.onLink((link) => {
    connection.update((c) => ({ ...c, link }));
    if (link === 'reconnecting' || link === 'closed') wasDown = true;
    else if (link === 'open' && wasDown) {
      // events were missed while the stream was down: load the state again
      wasDown = false;
      void reload();
    }
  });
  await reload();
}
