// The two transports of app/API.md behind one interface: the Wails runtime
// in the desktop window, HTTP + Server-Sent Events in browser mode.

export type TransportKind = 'wails' | 'browser';

/** Connection state of the event stream, as the shell shows it. */
export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Transport {
  readonly kind: TransportKind;
  call(method: string, args: unknown[]): Promise<unknown>;
  /** Subscribes to one event name; returns the unsubscribe function. */
  on(name: string, cb: (payload: unknown) => void): () => void;
  /** Reports the event stream's state; called at once with the current one. */
  onLink(cb: (state: LinkState) => void): () => void;
}

/** A failed call: the Go error text, or why the backend could not be reached. */
export class BridgeError extends Error {
  /** HTTP status in browser mode; 0 when the server could not be reached. */
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'BridgeError';
    this.status = status;
  }
  get unreachable(): boolean {
    return this.status === 0 || this.status === 403;
  }
}

interface WailsRuntime {
  EventsOn(name: string, cb: (...data: unknown[]) => void): (() => void) | void;
  EventsOff?(name: string, ...more: string[]): void;
}

type WailsApp = Record<string, (...args: unknown[]) => Promise<unknown>>;

export interface WailsWindow {
  go?: { app?: { App?: WailsApp } };
  runtime?: WailsRuntime;
}

export const TOKEN_KEY = 'edgeplay.token';

export interface Detected {
  kind: TransportKind;
  token: string;
}

/**
 * Which transport to use: `window.go.app.App` present → Wails; otherwise
 * browser mode with the token from `?token=` (remembered in sessionStorage
 * so that reloads without the query keep working).
 */
export function detect(win: WailsWindow, search: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null): Detected {
  if (win.go?.app?.App) return { kind: 'wails', token: '' };
  const fromQuery = new URLSearchParams(search).get('token') ?? '';
  if (fromQuery) {
    try {
      storage?.setItem(TOKEN_KEY, fromQuery);
    } catch {
      // storage disabled: the token still works for this page
    }
    return { kind: 'browser', token: fromQuery };
  }
  let stored = '';
  try {
    stored = storage?.getItem(TOKEN_KEY) ?? '';
  } catch {
    stored = '';
  }
  return { kind: 'browser', token: stored };
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export function wailsTransport(win: WailsWindow): Transport {
  const app = () => {
    const a = win.go?.app?.App;
    if (!a) throw new BridgeError('the Wails bindings are gone', 0);
    return a;
  };
  return {
    kind: 'wails',
    async call(method, args) {
      const fn = app()[method];
      if (typeof fn !== 'function') throw new BridgeError(`app.App has no method ${method}`, 500);
      try {
        return await fn(...args);
      } catch (e) {
        throw new BridgeError(errorText(e), 500);
      }
    },
    on(name, cb) {
      const rt = win.runtime;
      if (!rt) return () => {};
      const off = rt.EventsOn(name, (...data: unknown[]) => cb(data[0]));
      return typeof off === 'function' ? off : () => rt.EventsOff?.(name);
    },
    onLink(cb) {
      cb('open');
      return () => {};
    },
  };
}

export interface BrowserDeps {
  fetch: typeof fetch;
  EventSource: typeof EventSource | undefined;
  origin: string; // "http://127.0.0.1:PORT"
}

export function browserTransport(token: string, deps: BrowserDeps): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const linkListeners = new Set<(s: LinkState) => void>();
  let link: LinkState = 'connecting';
  let source: EventSource | null = null;

  const setLink = (s: LinkState) => {
    if (s === link) return;
    link = s;
    for (const cb of linkListeners) cb(s);
  };

  const attach = (name: string) => {
    source?.addEventListener(name, (e) => {
      let payload: unknown;
      try {
        payload = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return; // not our JSON: ignore rather than break the stream
      }
      const set = listeners.get(name);
      if (set) for (const cb of set) cb(payload);
    });
  };

  const open = () => {
    if (source || !deps.EventSource) return;
    source = new deps.EventSource(`${deps.origin}/events?token=${encodeURIComponent(token)}`);
    source.onopen = () => setLink('open');
    source.onerror = () => {
      // EventSource retries by itself unless the server refused (CLOSED).
      setLink(source && source.readyState === 2 ? 'closed' : 'reconnecting');
    };
    for (const name of listeners.keys()) attach(name);
  };

  return {
    kind: 'browser',
    async call(method, args) {
      let res: Response;
      try {
        res = await deps.fetch(`${deps.origin}/rpc/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Edgeplay-Token': token },
          body: JSON.stringify(args),
        });
      } catch {
        throw new BridgeError(`cannot reach edgeplay at ${deps.origin}`, 0);
      }
      const text = await res.text();
      if (!res.ok) {
        let msg = '';
        try {
          const j = JSON.parse(text) as { error?: string };
          if (j && typeof j.error === 'string') msg = j.error;
        } catch {
          // not the contract's {"error": …}: not edgeplay, or a proxy in between
        }
        if (!msg) {
          const plain = /^\s*</.test(text) ? '' : text.trim().slice(0, 200);
          msg = `${method}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''} from ${deps.origin}${plain ? ` (${plain})` : ''}`;
        }
        if (res.status === 403 && !token) msg = 'no session token: open the address that `edgeplay serve --ui` printed';
        throw new BridgeError(msg, res.status);
      }
      return text === '' ? undefined : JSON.parse(text);
    },
    on(name, cb) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        attach(name);
      }
      set.add(cb);
      open();
      return () => set!.delete(cb);
    },
    onLink(cb) {
      linkListeners.add(cb);
      cb(link);
      open();
      return () => linkListeners.delete(cb);
    },
  };
}
