// The exchange log: summaries in a capped ring keyed by seq, the filter and
// the selection. Full exchanges (chunks, bodies, logs) live in details.ts.

import type { Exchange, TrafficEvent } from '../bridge/types';
import { emptyFilter, type TrafficFilter } from '../models/traffic';
import { Ring } from './ring';
import { createStore } from './store';

export const MAX_EXCHANGES = 20000;

const ring = new Ring<Exchange>(MAX_EXCHANGES, (x) => x.seq);

/** The ring itself; subscribers re-read ring.toArray() (cached per version). */
export const traffic = createStore(ring);
export const trafficFilter = createStore<TrafficFilter>(emptyFilter);
export const selectedSeq = createStore<number | null>(null);

/** The list keeps summaries: chunk data, bodies and logs would pin megabytes. */
export function summarize(x: Exchange): Exchange {
  if (!x.chunks && !x.logs && x.requestBody === undefined && x.responseBody === undefined) return x;
  const { chunks: _c, logs: _l, requestBody: _rq, responseBody: _rs, ...rest } = x;
  return rest as Exchange;
}

/** Applies one exchange:* event to the summaries. */
export function applyTraffic(ev: TrafficEvent): void {
  switch (ev.kind) {
    case 'exchange:start':
    case 'exchange:head':
    case 'exchange:end':
    case 'exchange:background': {
      if (!ev.exchange) return;
      const prev = ring.get(ev.seq);
      const next = summarize(ev.exchange);
      // A late snapshot never moves an exchange backwards (events from a
      // reload can interleave with the journal's answer).
      if (prev && prev.done && !next.done) return;
      if (prev && !next.done && prev.chunkCount > next.chunkCount) {
        next.chunkCount = prev.chunkCount;
        next.responseSize = Math.max(next.responseSize, prev.responseSize);
      }
      ring.upsert(next);
      traffic.touch();
      return;
    }
    case 'exchange:chunk': {
      const prev = ring.get(ev.seq);
      const c = ev.chunk;
      if (!prev || !c || prev.done || c.index < prev.chunkCount) return;
      ring.upsert({ ...prev, stream: true, chunkCount: c.index + 1, responseSize: prev.responseSize + c.size });
      traffic.touch();
      return;
    }
    default:
      return; // exchange:log changes nothing in the list
  }
}

/** Loads the journal (oldest first) on start or reload. */
export function loadExchanges(list: Exchange[]): void {
  ring.clear();
  for (const x of list ?? []) ring.push(summarize(x));
  const sel = selectedSeq.get();
  if (sel !== null && !ring.has(sel)) selectedSeq.set(null);
  traffic.touch();
}

export function clearTraffic(): void {
  ring.clear();
  selectedSeq.set(null);
  traffic.touch();
}

/** The oldest exchange after seq `after` made by this client address (the composer's). */
export function findByClient(client: string, after: number): Exchange | undefined {
  const list = ring.toArray();
  let found: Exchange | undefined;
  for (let i = list.length - 1; i >= 0 && list[i].seq > after; i--) {
    if (list[i].client === client) found = list[i];
  }
  return found;
}

export function newestSeq(): number {
  const list = ring.toArray();
  return list.length ? list[list.length - 1].seq : 0;
}

/** Route patterns seen in the log, for the route filter. */
export function routesInLog(list: readonly Exchange[]): string[] {
  const s = new Set<string>();
  for (const x of list) if (x.route) s.add(x.route);
  return [...s].sort();
}
