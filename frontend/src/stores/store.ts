// Plain stores: get/set/subscribe. Listeners are notified once per frame
// (requestAnimationFrame, with a timer fallback for hidden windows), so a
// burst of events renders once and a chunk is on screen within a frame.

import { useEffect, useState } from 'preact/hooks';

export interface Readable<T> {
  get(): T;
  subscribe(fn: () => void): () => void;
  /**
   * Counts changes, at the change (not at the notification): a store whose
   * value is mutated in place (touch) keeps its identity, so a reader that
   * subscribes late compares versions, not values.
   */
  version(): number;
}

export interface Store<T> extends Readable<T> {
  set(v: T): void;
  update(fn: (v: T) => T): void;
  /** Marks the store changed after an in-place mutation. */
  touch(): void;
}

const dirty = new Set<{ notify(): void }>();
let scheduled = false;
let rafId = 0;
let timerId: ReturnType<typeof setTimeout> | undefined;

// Tests and Node have no requestAnimationFrame: notify on a timer.
const hasRaf = typeof requestAnimationFrame === 'function';
const FALLBACK_MS = 50; // rAF does not fire in a hidden/occluded window

/** Runs every pending notification now. */
export function flush(): void {
  if (!scheduled) return;
  scheduled = false;
  if (hasRaf && rafId) cancelAnimationFrame(rafId);
  if (timerId !== undefined) clearTimeout(timerId);
  rafId = 0;
  timerId = undefined;
  const list = [...dirty];
  dirty.clear();
  for (const s of list) s.notify();
}

function schedule(s: { notify(): void }): void {
  dirty.add(s);
  if (scheduled) return;
  scheduled = true;
  if (hasRaf) rafId = requestAnimationFrame(flush);
  timerId = setTimeout(flush, hasRaf ? FALLBACK_MS : 0);
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  let version = 0;
  const listeners = new Set<() => void>();
  const self = {
    notify() {
      for (const fn of [...listeners]) fn();
    },
  };
  return {
    get: () => value,
    version: () => version,
    set(v) {
      if (Object.is(v, value)) return;
      value = v;
      version++;
      schedule(self);
    },
    update(fn) {
      this.set(fn(value));
    },
    touch() {
      version++;
      schedule(self);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** A read-only store computed from others; recomputed lazily when they change. */
export function derived<T>(sources: Readable<unknown>[], compute: () => T): Readable<T> {
  let cached: T;
  let valid = false;
  const listeners = new Set<() => void>();
  const invalidate = () => {
    valid = false;
    for (const fn of [...listeners]) fn();
  };
  for (const s of sources) s.subscribe(invalidate);
  // The sources' versions, summed: they change when a source changes.
  const version = () => sources.reduce((n, s) => n + s.version(), 0);
  return {
    version,
    get() {
      if (!valid) {
        cached = compute();
        valid = true;
      }
      return cached;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

/** Reads a store in a component and re-renders when it changes. */
export function useStore<T>(store: Readable<T>): T {
  const [, bump] = useState(0);
  // The version this render read. A change between the render and the
  // subscription below (an event batch that lands while a view mounts)
  // notifies nobody yet; comparing versions catches it, also for stores
  // mutated in place, whose value keeps its identity.
  const rendered = store.version();
  useEffect(() => {
    const off = store.subscribe(() => bump((n) => n + 1));
    if (store.version() !== rendered) bump((n) => n + 1);
    return off;
  }, [store, rendered]);
  return store.get();
}
