// Full exchanges for the few that are on screen (the selected one, the
// composer's). Loaded with Exchange(seq), then kept live from events:
// chunks and console lines that arrive during the load are merged in.

import type { Chunk, Exchange, Log, TrafficEvent } from '../bridge/types';
import { mergeChunks } from '../models/traffic';
import { createStore } from './store';

export interface Detail {
  seq: number;
  x: Exchange | null; // null while loading
  error: string;
  version: number; // bumps on every change, also in-place chunk appends
  refs: number;
  pendingChunks: Chunk[];
  pendingLogs: Log[];
  loading: boolean;
  reloadAfter: boolean; // an end event came during a load: load again
}

const map = new Map<number, Detail>();
export const details = createStore(map);

type Loader = (seq: number) => Promise<Exchange>;
let loader: Loader = () => Promise.reject(new Error('no loader'));

export function setDetailLoader(l: Loader): void {
  loader = l;
}

export function getDetail(seq: number | null | undefined): Detail | undefined {
  return seq === null || seq === undefined ? undefined : map.get(seq);
}

function changed(d: Detail): void {
  d.version++;
  details.touch();
}

function sameLog(a: Log, b: Log): boolean {
  return a.time === b.time && a.text === b.text && a.level === b.level;
}

function load(d: Detail): void {
  if (d.loading) {
    d.reloadAfter = true;
    return;
  }
  d.loading = true;
  loader(d.seq).then(
    (full) => {
      d.loading = false;
      if (map.get(d.seq) !== d) return; // released meanwhile
      const chunks = mergeChunks(mergeChunks(d.x?.chunks, full.chunks), d.pendingChunks);
      const logs = (full.logs ?? []).slice();
      for (const l of [...(d.x?.logs ?? []), ...d.pendingLogs]) if (!logs.some((m) => sameLog(m, l))) logs.push(l);
      const prevDone = d.x?.done;
      d.x = { ...full, chunks, logs, done: full.done || !!prevDone };
      d.pendingChunks = [];
      d.pendingLogs = [];
      d.error = '';
      changed(d);
      if (d.reloadAfter) {
        d.reloadAfter = false;
        if (!full.done) load(d);
      }
    },
    (e: unknown) => {
      d.loading = false;
      if (map.get(d.seq) !== d) return;
      d.error = e instanceof Error ? e.message : String(e);
      changed(d);
    },
  );
}

/** Keeps the full exchange of seq loaded and live until release(seq). */
export function retain(seq: number): void {
  let d = map.get(seq);
  if (d) {
    d.refs++;
    return;
  }
  d = { seq, x: null, error: '', version: 0, refs: 1, pendingChunks: [], pendingLogs: [], loading: false, reloadAfter: false };
  map.set(seq, d);
  load(d);
  details.touch();
}

export function release(seq: number): void {
  const d = map.get(seq);
  if (!d) return;
  if (--d.refs <= 0) {
    map.delete(seq);
    details.touch();
  }
}

/** Applies an exchange:* event to the tracked exchange of the same seq. */
export function applyDetail(ev: TrafficEvent): void {
  const d = map.get(ev.seq);
  if (!d) return;
  switch (ev.kind) {
    case 'exchange:chunk': {
      const c = ev.chunk;
      if (!c) return;
      if (!d.x) {
        d.pendingChunks.push(c);
        return;
      }
      const list = (d.x.chunks ??= []);
      const last = list.length ? list[list.length - 1].index : -1;
      if (c.index > last) list.push(c);
      else d.x.chunks = mergeChunks(list, [c]);
      d.x.chunkCount = Math.max(d.x.chunkCount, c.index + 1);
      d.x.stream = true;
      changed(d);
      return;
    }
    case 'exchange:log': {
      const l = ev.log;
      if (!l) return;
      if (!d.x) {
        d.pendingLogs.push(l);
        return;
      }
      const logs = (d.x.logs ??= []);
      if (!logs.some((m) => sameLog(m, l))) logs.push(l);
      changed(d);
      return;
    }
    default: {
      const snap = ev.exchange;
      if (!snap) return;
      if (d.x) {
        if (d.x.done && !snap.done) return;
        d.x = {
          ...snap,
          chunks: mergeChunks(d.x.chunks, snap.chunks),
          logs: snap.logs && snap.logs.length >= (d.x.logs?.length ?? 0) ? snap.logs : d.x.logs,
          requestBody: snap.requestBody ?? d.x.requestBody,
          responseBody: snap.responseBody ?? d.x.responseBody,
          chunkCount: Math.max(snap.chunkCount, d.x.chunkCount),
        };
        changed(d);
      }
      // The end snapshot may be a summary: fetch the finished exchange once
      // for its body preview and complete chunk list.
      if (ev.kind === 'exchange:end') load(d);
    }
  }
}

export function resetDetails(): void {
  map.clear();
  details.touch();
}
