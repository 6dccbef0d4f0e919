import { describe, expect, it, vi } from 'vitest';
import { BridgeError, browserTransport, detect, TOKEN_KEY, wailsTransport } from './transport';

function memStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('detect', () => {
  it('picks Wails when window.go.app.App exists', () => {
    expect(detect({ go: { app: { App: {} } } }, '?token=x', memStorage())).toEqual({ kind: 'wails', token: '' });
  });
  it('takes the token from the query and remembers it', () => {
    const s = memStorage();
    expect(detect({}, '?a=1&token=t0k', s)).toEqual({ kind: 'browser', token: 't0k' });
    expect(s.m.get(TOKEN_KEY)).toBe('t0k');
  });
  it('falls back to the remembered token after a reload without the query', () => {
    expect(detect({}, '', memStorage({ [TOKEN_KEY]: 'old' }))).toEqual({ kind: 'browser', token: 'old' });
    expect(detect({}, '', null)).toEqual({ kind: 'browser', token: '' });
  });
});

describe('browserTransport', () => {
  it('POSTs the arguments as a JSON array with the token header', async () => {
    const fetch = vi.fn(async () => new Response('{"seq":3}', { status: 200 }));
    const t = browserTransport('T', { fetch: fetch as never, EventSource: undefined, origin: 'http://127.0.0.1:9' });
    expect(await t.call('Exchange', [3])).toEqual({ seq: 3 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/rpc/Exchange');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('[3]');
    expect((init.headers as Record<string, string>)['X-Edgeplay-Token']).toBe('T');
  });
  it('returns undefined for an empty answer', async () => {
    const t = browserTransport('T', { fetch: (async () => new Response('', { status: 200 })) as never, EventSource: undefined, origin: '' });
    expect(await t.call('ClearTraffic', [])).toBeUndefined();
  });
  it('rejects with the Go error text', async () => {
    const t = browserTransport('T', { fetch: (async () => new Response('{"error":"no such exchange 9"}', { status: 404 })) as never, EventSource: undefined, origin: '' });
    await expect(t.call('Exchange', [9])).rejects.toMatchObject({ message: 'no such exchange 9', status: 404 });
  });
  it('reports an unreachable server', async () => {
    const t = browserTransport('T', { fetch: (async () => { throw new TypeError('Failed to fetch'); }) as never, EventSource: undefined, origin: 'http://127.0.0.1:1' });
    const e = (await t.call('Info', []).catch((x: unknown) => x)) as BridgeError;
    expect(e).toBeInstanceOf(BridgeError);
    expect(e.unreachable).toBe(true);
  });
  it('dispatches SSE messages by event name to subscribers', () => {
    const sources: FakeES[] = [];
    class FakeES {
      url: string;
      readyState = 0;
      onopen: (() => void) | null = null;
      onerror: (() => void) | null = null;
      handlers = new Map<string, ((e: { data: string }) => void)[]>();
      constructor(url: string) {
        this.url = url;
        sources.push(this);
      }
      addEventListener(name: string, h: (e: { data: string }) => void) {
        this.handlers.set(name, [...(this.handlers.get(name) ?? []), h]);
      }
      emit(name: string, data: string) {
        for (const h of this.handlers.get(name) ?? []) h({ data });
      }
    }
    const t = browserTransport('a b', { fetch: (async () => new Response('')) as never, EventSource: FakeES as never, origin: 'http://h:1' });
    const got: unknown[] = [];
    const links: string[] = [];
    t.onLink((s) => links.push(s));
    t.on('edgeplay:batch', (p) => got.push(p));
    expect(sources).toHaveLength(1);
    expect(sources[0].url).toBe('http://h:1/events?token=a%20b');
    sources[0].onopen?.();
    sources[0].emit('edgeplay:batch', '[{"type":"ready"}]');
    sources[0].emit('edgeplay:batch', 'not json');
    expect(got).toEqual([[{ type: 'ready' }]]);
    sources[0].readyState = 0;
    sources[0].onerror?.();
    expect(links).toEqual(['connecting', 'open', 'reconnecting']);
  });
});

describe('wailsTransport', () => {
  it('calls window.go.app.App and wraps rejections', async () => {
    const App = { Info: vi.fn(async () => ({ url: 'u' })), Bad: vi.fn(async () => Promise.reject('nope')) };
    const t = wailsTransport({ go: { app: { App } }, runtime: { EventsOn: () => () => {} } });
    expect(await t.call('Info', [])).toEqual({ url: 'u' });
    await expect(t.call('Bad', [])).rejects.toMatchObject({ message: 'nope' });
    await expect(t.call('Missing', [])).rejects.toBeInstanceOf(BridgeError);
  });
  it('passes the first event argument to the callback', () => {
    let cb: ((...a: unknown[]) => void) | undefined;
    const t = wailsTransport({ go: { app: { App: {} } }, runtime: { EventsOn: (_n, f) => { cb = f; return () => {}; } } });
    const got: unknown[] = [];
    t.on('edgeplay:batch', (p) => got.push(p));
    cb!([{ type: 'ready' }]);
    expect(got).toEqual([[{ type: 'ready' }]]);
  });
});
