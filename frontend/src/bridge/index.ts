// The typed facade over app.App. Components and stores import `api` and
// `bridge` from here; nothing else touches window.go or the HTTP transport.

import type { Api } from './types';
import {
  browserTransport,
  detect,
  wailsTransport,
  type LinkState,
  type Transport,
  type TransportKind,
  type WailsWindow,
} from './transport';

export * from './types';
export { BridgeError, detect, type LinkState, type TransportKind } from './transport';

type Async<A> = {
  [K in keyof A]: A[K] extends (...args: infer P) => infer R ? (...args: P) => Promise<R> : never;
};

// The Wails runtime injects window.go before the page's scripts in
// production builds; under `wails dev` it can come a moment later. Without
// a token (which would mean browser mode) wait briefly for it.
const WAILS_WAIT_MS = 1500;

function waitForWails(win: WailsWindow, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const tick = () => {
      if (win.go?.app?.App) return resolve(true);
      if (Date.now() - t0 >= ms) return resolve(false);
      setTimeout(tick, 30);
    };
    tick();
  });
}

async function connect(): Promise<Transport> {
  const win = window as unknown as WailsWindow;
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  let d = detect(win, location.search, storage);
  if (d.kind === 'browser' && !d.token && location.protocol !== 'http:' && location.protocol !== 'https:') {
    if (await waitForWails(win, WAILS_WAIT_MS)) d = detect(win, location.search, storage);
  } else if (d.kind === 'browser' && !d.token) {
    if (await waitForWails(win, WAILS_WAIT_MS / 3)) d = detect(win, location.search, storage);
  }
  if (d.kind === 'wails') return wailsTransport(win);
  return browserTransport(d.token, {
    fetch: window.fetch.bind(window),
    EventSource: window.EventSource,
    origin: location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : 'http://127.0.0.1',
  });
}

let transport: Promise<Transport> | null = null;

function get(): Promise<Transport> {
  transport ??= connect();
  return transport;
}

export const bridge = {
  async kind(): Promise<TransportKind> {
    return (await get()).kind;
  },
  async on(name: string, cb: (payload: unknown) => void): Promise<() => void> {
    return (await get()).on(name, cb);
  },
  async onLink(cb: (s: LinkState) => void): Promise<() => void> {
    return (await get()).onLink(cb);
  },
};

const cache = new Map<string, (...args: unknown[]) => Promise<unknown>>();

/** `await api.Routes()` etc.: every method of app/API.md, typed. */
export const api = new Proxy({} as Async<Api>, {
  get(_, method: string) {
    let fn = cache.get(method);
    if (!fn) {
      fn = async (...args: unknown[]) => (await get()).call(method, args);
      cache.set(method, fn);
    }
    return fn;
  },
});
