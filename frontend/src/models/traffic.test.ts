import { describe, expect, it } from 'vitest';
import type { Exchange } from '../bridge/types';
import { caretLine, collectDiagnostics, countErrors, locationLabel } from './diag';
import { emptyFilter, filterExchanges, mergeChunks, parseFilterText, parseStack, type TrafficFilter } from './traffic';

export function ex(seq: number, patch: Partial<Exchange> = {}): Exchange {
  return {
    seq,
    start: '2025-01-01T00:00:00Z',
    method: 'GET',
    url: `http://127.0.0.1:3000/api/hello?n=${seq}`,
    path: '/api/hello',
    route: '/api/hello',
    requestHeaders: [],
    requestBodySize: 0,
    status: 200,
    responseHeaders: [],
    responseSize: 10,
    stream: false,
    chunkCount: 0,
    timing: { queue: 0, ttfb: 1e6, total: 2e6 },
    done: true,
    ...patch,
  };
}

const log: Exchange[] = [
  ex(1),
  ex(2, { method: 'POST', path: '/api/echo', url: 'http://h/api/echo', route: '/api/echo', status: 201 }),
  ex(3, { path: '/api/users/7', url: 'http://h/api/users/7?id=7', route: '/api/users/[id]', status: 404 }),
  ex(4, { path: '/api/throws', url: 'http://h/api/throws', route: '/api/throws', status: 500, error: { name: 'Error', message: 'boom', stack: '' } }),
  ex(5, { path: '/api/stream', url: 'http://h/api/stream', route: '/api/stream', stream: true, done: false, chunkCount: 3 }),
  ex(6, { path: '/nope', url: 'http://h/nope', route: undefined, status: 404 }),
  ex(7, { path: '/api/redirect', url: 'http://h/api/redirect', route: '/api/redirect', status: 307 }),
];

const seqs = (f: Partial<TrafficFilter>) => filterExchanges(log, { ...emptyFilter, ...f }).map((x) => x.seq);

describe('filterExchanges', () => {
  it.each<[string, Partial<TrafficFilter>, number[]]>([
    ['no filter', {}, [1, 2, 3, 4, 5, 6, 7]],
    ['text on path', { text: 'users' }, [3]],
    ['text is case-insensitive', { text: 'ECHO' }, [2]],
    ['method token', { text: 'method:post' }, [2]],
    ['status exact', { text: 'status:404' }, [3, 6]],
    ['status class', { text: 'status:4xx' }, [3, 6]],
    ['status prefix', { text: 'status:2' }, [1, 2, 5]],
    ['negation', { text: '-status:2xx' }, [3, 4, 6, 7]],
    ['two terms are ANDed', { text: 'api status:404' }, [3]],
    ['route token', { text: 'route:[id]' }, [3]],
    ['route select', { route: '/api/stream' }, [5]],
    ['2xx', { status: '2xx' }, [1, 2, 5]],
    ['3xx', { status: '3xx' }, [7]],
    ['4xx', { status: '4xx' }, [3, 6]],
    ['5xx', { status: '5xx' }, [4]],
    ['failed', { status: 'failed' }, [4]],
    ['streams', { status: 'stream' }, [5]],
    ['pending', { status: 'pending' }, [5]],
    ['combined', { status: '4xx', text: 'nope' }, [6]],
  ])('%s', (_, f, want) => expect(seqs(f)).toEqual(want));

  it('returns the same array when nothing filters (no copy of 20,000 rows)', () => {
    expect(filterExchanges(log, emptyFilter)).toBe(log);
  });

  it('filters 20,000 exchanges fast', () => {
    const big = Array.from({ length: 20000 }, (_, i) => ex(i + 1, { status: i % 7 === 0 ? 500 : 200, path: `/api/p${i % 50}` }));
    const t0 = performance.now();
    const out = filterExchanges(big, { ...emptyFilter, text: 'p7 -status:5xx' });
    expect(performance.now() - t0).toBeLessThan(100);
    expect(out.every((x) => x.path.includes('p7') && x.status !== 500)).toBe(true);
    expect(out.length).toBeGreaterThan(0);
  });
});

describe('parseFilterText', () => {
  it('splits tokens and negations', () => {
    expect(parseFilterText('  GET -status:5xx route:/api/x ')).toEqual([
      { neg: false, key: '', value: 'get' },
      { neg: true, key: 'status', value: '5xx' },
      { neg: false, key: 'route', value: '/api/x' },
    ]);
    expect(parseFilterText('-')).toEqual([{ neg: false, key: '', value: '-' }]);
  });
});

describe('mergeChunks', () => {
  const c = (index: number, data = '') => ({ index, offset: index * 1e6, size: 1, data });
  it('unions by index, later wins, sorted', () => {
    expect(mergeChunks([c(0), c(2, 'old')], [c(1), c(2, 'new'), c(3)]).map((x) => [x.index, x.data])).toEqual([
      [0, ''],
      [1, ''],
      [2, 'new'],
      [3, ''],
    ]);
    expect(mergeChunks(undefined, [c(1), c(0)]).map((x) => x.index)).toEqual([0, 1]);
    expect(mergeChunks([c(0)], [])).toHaveLength(1);
  });
});

describe('parseStack', () => {
  it('finds file:line:col in V8 and goja frames', () => {
    const frames = parseStack('Error: boom\n    at handler (pages/api/throws.ts:5:9)\n    at pages/api/[id].ts:12:3\n    at native\n    at f@lib/a.ts:1:2');
    expect(frames.map((f) => [f.file, f.line, f.column])).toEqual([
      [undefined, undefined, undefined],
      ['pages/api/throws.ts', 5, 9],
      ['pages/api/[id].ts', 12, 3],
      [undefined, undefined, undefined],
      ['lib/a.ts', 1, 2],
    ]);
  });
});

describe('diagnostics', () => {
  const loc = { file: 'pages/api/x.ts', line: 3, column: 4, length: 5, lineText: '\tif (eval(1)) {}', suggestion: '' };
  it('labels with a 1-based column', () => expect(locationLabel(loc)).toBe('pages/api/x.ts:3:5'));
  it('labels a file-level diagnostic with the file alone', () => expect(locationLabel({ ...loc, line: 0, column: 0 })).toBe('pages/api/x.ts'));
  it.each([
    [{ column: 0, length: 3, lineText: 'abcdef' }, '^^^'],
    [{ column: 2, length: 1, lineText: 'abcdef' }, '  ^'],
    [{ column: 4, length: 4, lineText: '\tif (eval(1))' }, '\t   ^^^^'],
    [{ column: 3, length: 0, lineText: 'abcd' }, '   ^'],
    [{ column: 2, length: 99, lineText: 'abcd' }, '  ^^'],
  ])('caret for %j', (l, want) => expect(caretLine(l)).toBe(want));

  it('collects project and route diagnostics once, errors first', () => {
    const err = { kind: 'error' as const, text: 'Could not resolve "x"', location: loc };
    const warn = { kind: 'warning' as const, text: 'Node.js module fs' };
    const conflict = { kind: 'error' as const, text: 'Conflicting paths' };
    const entries = collectDiagnostics(
      [warn, conflict],
      [
        {
          pattern: '/api/x',
          file: 'pages/api/x.ts',
          runtime: 'edge',
          state: 'failed',
          diagnostics: [err],
          build: { diagnostics: [err] } as never,
        },
      ],
    );
    expect(entries.map((e) => [e.diag.text, e.route])).toEqual([
      ['Conflicting paths', undefined],
      ['Could not resolve "x"', '/api/x'],
      ['Node.js module fs', undefined],
    ]);
    expect(countErrors(entries)).toBe(2);
  });
});
