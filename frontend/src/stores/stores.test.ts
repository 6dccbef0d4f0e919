import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Chunk, EngineEvent, Exchange, RouteInfo } from '../bridge/types';
import { dispatch, resetAll } from '../events';
import { engineLog } from './app';
import { bundle, selectBundle, setBundleLoader } from './bundles';
import { applyParam, applyPattern, applyQuery, applyUrl, beginSend, emptyDraft, fromRequest, sendResolved, sent, toRequest } from './composer';
import { getDetail, release, retain, setDetailLoader } from './details';
import { Ring } from './ring';
import { lastBuiltAt, routes } from './routes';
import { createStore, derived, flush } from './store';
import { findByClient, MAX_EXCHANGES, traffic } from './traffic';

function ex(seq: number, patch: Partial<Exchange> = {}): Exchange {
  return {
    seq,
    start: '2025-01-01T00:00:00Z',
    method: 'GET',
    url: 'http://127.0.0.1:3000/api/stream',
    path: '/api/stream',
    route: '/api/stream',
    requestHeaders: [],
    requestBodySize: 0,
    status: 0,
    responseHeaders: [],
    responseSize: 0,
    stream: false,
    chunkCount: 0,
    timing: { queue: 0, ttfb: 0, total: 0 },
    done: false,
    ...patch,
  };
}
const chunk = (index: number, text: string): Chunk => ({ index, offset: index * 10e6, size: text.length, data: btoa(text) });
const start = (x: Exchange): EngineEvent => ({ type: 'exchange:start', traffic: { kind: 'exchange:start', seq: x.seq, exchange: x } });
const head = (x: Exchange): EngineEvent => ({ type: 'exchange:head', traffic: { kind: 'exchange:head', seq: x.seq, exchange: x } });
const end = (x: Exchange): EngineEvent => ({ type: 'exchange:end', traffic: { kind: 'exchange:end', seq: x.seq, exchange: x } });
const chunkEv = (seq: number, c: Chunk): EngineEvent => ({ type: 'exchange:chunk', traffic: { kind: 'exchange:chunk', seq, chunk: c } });
const route = (file: string, patch: Partial<RouteInfo> = {}): RouteInfo => ({ pattern: '/api/' + file, file: `pages/api/${file}.ts`, runtime: 'edge', state: 'ok', ...patch });

const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  resetAll();
  flush();
});

describe('Ring', () => {
  it('keeps the newest capacity items, oldest first, and updates by key', () => {
    const r = new Ring<{ k: number; v: string }>(3, (x) => x.k);
    for (let k = 1; k <= 5; k++) r.push({ k, v: `v${k}` });
    expect(r.toArray().map((x) => x.k)).toEqual([3, 4, 5]);
    expect(r.has(2)).toBe(false);
    expect(r.upsert({ k: 4, v: 'new' })).toBe(false);
    expect(r.get(4)?.v).toBe('new');
    expect(r.upsert({ k: 6, v: 'v6' })).toBe(true);
    expect(r.toArray().map((x) => x.k)).toEqual([4, 5, 6]);
    expect(r.size).toBe(3);
  });
  it('caches the array view per version', () => {
    const r = new Ring<{ k: number }>(4, (x) => x.k);
    r.push({ k: 1 });
    const a = r.toArray();
    expect(r.toArray()).toBe(a);
    r.push({ k: 2 });
    expect(r.toArray()).not.toBe(a);
    r.clear();
    expect(r.toArray()).toEqual([]);
    expect(r.get(1)).toBeUndefined();
  });
  it('returns the evicted item', () => {
    const r = new Ring<{ k: number }>(2, (x) => x.k);
    expect(r.push({ k: 1 })).toBeUndefined();
    r.push({ k: 2 });
    expect(r.push({ k: 3 })).toEqual({ k: 1 });
  });
  it('rejects a zero capacity', () => expect(() => new Ring(0, () => 0)).toThrow(RangeError));
});

describe('store', () => {
  it('coalesces notifications until flush', () => {
    const s = createStore(0);
    const fn = vi.fn();
    s.subscribe(fn);
    s.set(1);
    s.set(2);
    s.set(3);
    expect(fn).not.toHaveBeenCalled();
    flush();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(s.get()).toBe(3);
  });
  it('notifies on its own timer without flush', async () => {
    const s = createStore('a');
    const fn = vi.fn();
    s.subscribe(fn);
    s.set('b');
    await new Promise((r) => setTimeout(r, 70));
    expect(fn).toHaveBeenCalledTimes(1);
  });
  it('counts in-place changes in its version, at the change', () => {
    // The traffic log is a store whose value (the ring) keeps its identity:
    // a view that rendered it, then subscribed after a batch landed and was
    // notified (a view mounting while events arrive), must see that it
    // missed a change. Comparing values cannot tell; versions can.
    const ring = { rows: [1] };
    const s = createStore(ring);
    const rendered = s.version();
    ring.rows.push(2);
    s.touch();
    flush(); // notified before anyone subscribed
    expect(s.get()).toBe(ring);
    expect(s.version()).not.toBe(rendered);
    s.set(ring); // the same value again is no change
    expect(s.version()).toBe(rendered + 1);
  });
  it('derived stores change version with their sources', () => {
    const a = createStore(1);
    const b = createStore(2);
    const sum = derived([a, b], () => a.get() + b.get());
    const v = sum.version();
    b.set(3);
    expect(sum.version()).not.toBe(v);
    expect(sum.get()).toBe(4);
  });
});

describe('dispatch: routes', () => {
  it('routes replaces the table; build:start/done update one route by file', () => {
    dispatch([{ type: 'routes', routes: [route('a'), route('b')] }]);
    dispatch([{ type: 'build:start', route: route('b', { state: 'building' }) }]);
    expect(routes.get().map((r) => r.state)).toEqual(['ok', 'building']);
    dispatch([{ type: 'build:done', route: route('b', { state: 'failed', builtAt: '2025-01-01T10:00:00Z' }) }]);
    dispatch([{ type: 'build:done', route: route('a', { builtAt: '2025-01-01T09:00:00Z' }) }]);
    expect(routes.get().map((r) => [r.file, r.state])).toEqual([
      ['pages/api/a.ts', 'ok'],
      ['pages/api/b.ts', 'failed'],
    ]);
    flush();
    expect(lastBuiltAt.get()).toBe('2025-01-01T10:00:00Z');
  });
  it('log events go to the engine console', () => {
    dispatch([{ type: 'log', log: { time: '2025-01-01T00:00:00Z', level: 'warn', text: 'careful' } }]);
    expect(engineLog.get().toArray().map((l) => l.text)).toEqual(['careful']);
  });
  it('build:done reloads the bundle inspector when it shows that route', async () => {
    const loader = vi.fn(async (file: string) => ({ route: route('a'), current: { file } as never }));
    setBundleLoader(loader);
    selectBundle('pages/api/a.ts');
    await tick();
    dispatch([{ type: 'build:done', route: route('b') }]);
    expect(loader).toHaveBeenCalledTimes(1);
    dispatch([{ type: 'build:done', route: route('a') }]);
    expect(loader).toHaveBeenCalledTimes(2);
    await tick();
    expect(bundle.get().data?.route.file).toBe('pages/api/a.ts');
  });
});

describe('dispatch: traffic summaries', () => {
  it('start → head → chunks → end keeps one row, with live chunk count and size', () => {
    const x = ex(1);
    dispatch([start(x), head({ ...x, status: 200, stream: true })]);
    dispatch([chunkEv(1, chunk(0, 'abc')), chunkEv(1, chunk(1, 'de'))]);
    let row = traffic.get().get(1)!;
    expect([row.status, row.chunkCount, row.responseSize, row.done]).toEqual([200, 2, 5, false]);
    dispatch([chunkEv(1, chunk(1, 'de'))]); // a repeat changes nothing
    expect(traffic.get().get(1)!.chunkCount).toBe(2);
    dispatch([end({ ...x, status: 200, stream: true, chunkCount: 2, responseSize: 5, done: true, chunks: [chunk(0, 'abc')], responseBody: 'eA==' })]);
    row = traffic.get().get(1)!;
    expect(row.done).toBe(true);
    expect(row.chunks).toBeUndefined(); // the list keeps summaries
    expect(row.responseBody).toBeUndefined();
    expect(traffic.get().size).toBe(1);
  });
  it('a late head does not undo an end', () => {
    const x = ex(2);
    dispatch([start(x), end({ ...x, status: 204, done: true }), head({ ...x, status: 204 })]);
    expect(traffic.get().get(2)!.done).toBe(true);
  });
  it('caps the log at MAX_EXCHANGES, dropping the oldest', () => {
    const batch: EngineEvent[] = [];
    for (let s = 1; s <= MAX_EXCHANGES + 5; s++) batch.push(start(ex(s)));
    dispatch(batch);
    const list = traffic.get().toArray();
    expect(list).toHaveLength(MAX_EXCHANGES);
    expect(list[0].seq).toBe(6);
    expect(list[list.length - 1].seq).toBe(MAX_EXCHANGES + 5);
  });
});

describe('dispatch: details of a tracked exchange', () => {
  it('merges live chunks that arrive while Exchange(seq) loads, without duplicates', async () => {
    let resolve!: (x: Exchange) => void;
    setDetailLoader(() => new Promise((r) => (resolve = r)));
    const x = ex(7, { status: 200, stream: true });
    dispatch([start(x)]);
    retain(7);
    dispatch([chunkEv(7, chunk(1, 'b')), chunkEv(7, chunk(2, 'c'))]);
    expect(getDetail(7)!.x).toBeNull();
    resolve({ ...x, chunks: [chunk(0, 'a'), chunk(1, 'b')], chunkCount: 2 });
    await tick();
    expect(getDetail(7)!.x!.chunks!.map((c) => c.index)).toEqual([0, 1, 2]);
    dispatch([chunkEv(7, chunk(3, 'd'))]);
    const d = getDetail(7)!;
    expect(d.x!.chunks!.map((c) => atob(c.data))).toEqual(['a', 'b', 'c', 'd']);
    expect(d.x!.chunkCount).toBe(4);
    release(7);
    expect(getDetail(7)).toBeUndefined();
  });
  it('logs of the tracked exchange are appended once', async () => {
    setDetailLoader(async () => ex(8, { logs: [{ time: 't1', level: 'log', text: 'one' }] }));
    retain(8);
    await tick();
    const l2 = { time: 't2', level: 'error' as const, text: 'two' };
    dispatch([{ type: 'exchange:log', traffic: { kind: 'exchange:log', seq: 8, log: l2 } }]);
    dispatch([{ type: 'exchange:log', traffic: { kind: 'exchange:log', seq: 8, log: l2 } }]);
    expect(getDetail(8)!.x!.logs!.map((l) => l.text)).toEqual(['one', 'two']);
    release(8);
  });
  it('the end event reloads the full exchange for its body', async () => {
    const loader = vi.fn(async () => ex(9, { status: 200, done: true, responseBody: btoa('{"ok":true}') }));
    setDetailLoader(loader);
    retain(9);
    await tick();
    dispatch([end(ex(9, { status: 200, done: true }))]);
    await tick();
    expect(loader).toHaveBeenCalledTimes(2);
    expect(atob(getDetail(9)!.x!.responseBody!)).toBe('{"ok":true}');
    release(9);
  });
  it('untracked exchanges keep no detail', () => {
    dispatch([start(ex(10)), chunkEv(10, chunk(0, 'x'))]);
    expect(getDetail(10)).toBeUndefined();
  });
});

describe('composer: the exchange of a Send', () => {
  it('is found by client address among later events', () => {
    dispatch([start(ex(1, { client: '127.0.0.1:5000' }))]); // an older exchange on the same connection
    const id = beginSend(1);
    sendResolved(id, '127.0.0.1:5000', findByClient('127.0.0.1:5000', 1)?.seq ?? null);
    expect(sent.get()!.seq).toBeNull();
    dispatch([start(ex(2, { client: '127.0.0.1:6000' })), start(ex(3, { client: '127.0.0.1:5000' }))]);
    expect(sent.get()!.seq).toBe(3);
  });
  it('is found in the log when its events came before Send returned', () => {
    const id = beginSend(0);
    dispatch([start(ex(4, { client: '127.0.0.1:7000' }))]);
    sendResolved(id, '127.0.0.1:7000', findByClient('127.0.0.1:7000', 0)?.seq ?? null);
    expect(sent.get()!.seq).toBe(4);
  });
});

describe('composer drafts', () => {
  const patterns = ['/api/hello', '/api/users/[id]', '/api/files/[...path]', '/api/docs/[[...slug]]'];
  it('typing a URL fills the query table and the dynamic fields', () => {
    const d = applyUrl(emptyDraft(), '/api/users/42?x=1&y=two', patterns);
    expect(d.pattern).toBe('/api/users/[id]');
    expect(d.params).toEqual({ id: '42' });
    expect(d.query.map((q) => [q.name, q.value])).toEqual([
      ['x', '1'],
      ['y', 'two'],
    ]);
  });
  it('picking a route then typing fields builds the URL', () => {
    let d = applyPattern({ ...emptyDraft(), url: '/api/x?keep=1' }, '/api/files/[...path]');
    expect(d.url).toBe('/api/files/?keep=1');
    d = applyParam(d, 'path', 'a/b c');
    expect(d.url).toBe('/api/files/a/b%20c?keep=1');
    d = applyQuery(d, [{ name: 'q', value: '1', enabled: true }, { name: 'off', value: '2', enabled: false }]);
    expect(d.url).toBe('/api/files/a/b%20c?q=1');
    // disabled rows survive editing the URL
    d = applyUrl(d, '/api/files/a?z=9', patterns);
    expect(d.query.map((q) => [q.name, q.enabled])).toEqual([
      ['z', true],
      ['off', false],
    ]);
  });
  it('keeps the chosen pattern while a required field is still empty', () => {
    const d = applyUrl(applyPattern(emptyDraft(), '/api/users/[id]'), '/api/users/', patterns);
    expect(d.pattern).toBe('/api/users/[id]');
  });
  it.each([
    ['json', { bodyKind: 'json' as const, text: '{"a":1}' }, '{"a":1}', 'application/json'],
    ['form', { bodyKind: 'form' as const, form: [{ name: 'a', value: 'x y', enabled: true }, { name: 'b', value: '&', enabled: true }] }, 'a=x+y&b=%26', 'application/x-www-form-urlencoded'],
    ['text', { bodyKind: 'text' as const, text: 'hi' }, 'hi', 'text/plain;charset=UTF-8'],
    ['none', { bodyKind: 'none' as const, text: 'ignored' }, '', ''],
  ])('toRequest %s body and Content-Type', (_, patch, body, ct) => {
    const r = toRequest({ ...emptyDraft(), method: 'POST', ...patch });
    expect(r.body).toBe(body);
    expect(r.headers.find((h) => h.name === 'Content-Type')?.value ?? '').toBe(ct);
  });
  it('does not override a Content-Type the user set, and drops disabled headers', () => {
    const r = toRequest({
      ...emptyDraft(),
      bodyKind: 'json',
      text: '{}',
      headers: [
        { name: 'content-type', value: 'application/vnd.x+json', enabled: true },
        { name: 'X-Off', value: '1', enabled: false },
      ],
    });
    expect(r.headers).toEqual([{ name: 'content-type', value: 'application/vnd.x+json' }]);
  });
  it('fromRequest reads a form body back into rows', () => {
    const d = fromRequest({ method: 'post', url: '/api/echo?x=1', headers: [{ name: 'A', value: 'b' }], body: 'a=1&b=two+words', bodyKind: 'form' });
    expect(d.method).toBe('POST');
    expect(d.form.map((r) => [r.name, r.value])).toEqual([
      ['a', '1'],
      ['b', 'two words'],
    ]);
    expect(d.query.map((r) => r.name)).toEqual(['x']);
  });
});
