// Plain stores: get/set/subscribe. Listeners are notified once per frame
// (requestAnimationFrame, with a timer fallback for hidden windows), so a
// burst of events renders once and a chunk is on screen within a frame.

import { useEffect, useState } from 'preact/hooks';

export interface Readable<T> {
  get(): T;
  subscribe(fn: () => void): () => void;
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
  const listeners = new Set<() => void>();
  const self = {
    notify() {
      for (const fn of [...listeners]) fn();
    },
  };
  return {
    get: () => value,
    set(v) {
      if (Object.is(v, value)) return;
      value = v;
      schedule(self);
    },
    update(fn) {
      this.set(fn(value));
    },
    touch() {
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
  return {
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
  useEffect(() => {
    const seen = store.get();
    const off = store.subscribe(() => bump((n) => n + 1));
    // it may have changed between render and subscription
    if (!Object.is(store.get(), seen)) bump((n) => n + 1);
    return off;
  }, [store]);
  return store.get();
}
