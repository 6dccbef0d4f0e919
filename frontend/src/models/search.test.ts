import { describe, expect, it } from 'vitest';
import type { BuildInput, RouteInfo } from '../bridge/types';
import { groupKeyOf, groupModules } from './bundle';
import { countLabel, filterGroups, filterList, filterModules, filterRoutes, highlight, isSearchShortcut, matchesTerms, searchTerms, stepIndex, type KeyLike } from './search';

const route = (pattern: string, file: string): RouteInfo => ({ pattern, file, runtime: 'edge', state: 'ok' });

const routes: RouteInfo[] = [
  route('/api/hello', 'pages/api/hello.ts'),
  route('/api/users/[id]', 'pages/api/users/[id].ts'),
  route('/api/docs/[[...slug]]', 'src/pages/api/docs/[[...slug]].tsx'),
  route('/api/Stream', 'pages/api/Stream.mjs'),
  // 300 generated ones, as the browser test makes them
  ...Array.from({ length: 300 }, (_, i) => route(`/api/gen/g${Math.floor(i / 30)}/r${i % 30}`, `pages/api/gen/g${Math.floor(i / 30)}/r${i % 30}.ts`)),
];

describe('searchTerms', () => {
  it.each<[string, string[]]>([
    ['', []],
    ['   ', []],
    ['hello', ['hello']],
    ['  Users  [ID] ', ['users', '[id]']],
    ['a\tb\nc', ['a', 'b', 'c']],
  ])('%j → %j', (q, want) => expect(searchTerms(q)).toEqual(want));
});

describe('matchesTerms', () => {
  it.each<[string, (string | undefined)[], string[], boolean]>([
    ['no terms match anything', ['x'], [], true],
    ['no terms match no fields', [], [], true],
    ['substring of one field', ['/api/hello', 'pages/api/hello.ts'], ['ell'], true],
    ['case-insensitive', ['/api/Stream'], ['stream'], true],
    ['every term, each in any field', ['/api/users/[id]', 'pages/api/users/[id].ts'], ['users', '.ts'], true],
    ['one term missing', ['/api/users/[id]', 'pages/api/users/[id].ts'], ['users', 'posts'], false],
    ['a term spanning two fields does not match', ['/api/a', 'b.ts'], ['ab'], false],
    ['undefined fields are empty', [undefined, 'x'], ['x'], true],
  ])('%s', (_, fields, terms, want) => expect(matchesTerms(fields, terms)).toBe(want));
});

describe('filterRoutes', () => {
  it.each<[string, string, string[] | number]>([
    ['empty query: all', '', routes.length],
    ['blank query: all', '  ', routes.length],
    ['by pattern', '/api/hello', ['/api/hello']],
    ['by file only (extension)', '.mjs', ['/api/Stream']],
    ['by file only (src/)', 'src/pages', ['/api/docs/[[...slug]]']],
    ['case-insensitive', 'STREAM', ['/api/Stream']],
    ['brackets are literal', '[[', ['/api/docs/[[...slug]]']],
    ['dots are literal', '...path', []],
    ['g3/r1 matches r1 and r10–r19 of g3, in list order', 'g3/r1', ['/api/gen/g3/r1', ...Array.from({ length: 10 }, (_, i) => `/api/gen/g3/r1${i}`)]],
    ['terms are ANDed', 'gen r29 g9', ['/api/gen/g9/r29']],
    ['nothing', 'nope', []],
  ])('%s (%j)', (_, q, want) => {
    const got = filterRoutes(routes, q);
    if (typeof want === 'number') expect(got).toHaveLength(want);
    else expect(got.map((r) => r.pattern)).toEqual(want);
  });

  it('gives back the same array for an empty query (stable for memos)', () => {
    expect(filterRoutes(routes, '')).toBe(routes);
    expect(filterList(routes, ' ', () => [])).toBe(routes);
  });

  it('keeps the items themselves (keys by file stay stable)', () => {
    const got = filterRoutes(routes, 'g0/r2');
    for (const r of got) expect(routes).toContain(r);
    expect(new Set(got.map((r) => r.file)).size).toBe(got.length);
  });
});

describe('filterModules and filterGroups', () => {
  const inputs: BuildInput[] = [
    { path: 'node_modules/zod/lib/index.mjs', bytes: 500 },
    { path: 'node_modules/zod/lib/types.mjs', bytes: 300 },
    { path: 'node_modules/hono/dist/hono.js', bytes: 200 },
    { path: 'node_modules/@hono/zod-validator/dist/index.js', bytes: 50 },
    { path: 'lib/schema.ts', bytes: 40 },
    { path: 'pages/api/x.ts', bytes: 10 },
  ];
  it.each<[string, string, string, string[]]>([
    ['all', '', '', inputs.map((m) => m.path)],
    ['by path', 'zod', '', ['node_modules/zod/lib/index.mjs', 'node_modules/zod/lib/types.mjs', 'node_modules/@hono/zod-validator/dist/index.js']],
    ['scoped to a package', '', 'pkg:zod', ['node_modules/zod/lib/index.mjs', 'node_modules/zod/lib/types.mjs']],
    ['scoped and searched', 'TYPES', 'pkg:zod', ['node_modules/zod/lib/types.mjs']],
    ['scoped to a project file', '', 'lib/schema.ts', ['lib/schema.ts']],
    ['scoped to a scoped package', '', 'pkg:@hono/zod-validator', ['node_modules/@hono/zod-validator/dist/index.js']],
    ['unknown scope', '', 'pkg:nope', []],
  ])('%s', (_, q, scope, want) => expect(filterModules(inputs, q, scope).map((m) => m.path)).toEqual(want));

  it('scopes by the same keys the treemap groups by', () => {
    for (const g of groupModules(inputs)) {
      expect(filterModules(inputs, '', g.key).map((m) => m.path).sort()).toEqual(g.modules.map((m) => m.path).sort());
      for (const m of g.modules) expect(groupKeyOf(m.path)).toBe(g.key);
    }
  });

  it.each<[string, string[]]>([
    ['', ['zod', 'hono', '@hono/zod-validator', 'lib/schema.ts', 'pages/api/x.ts']],
    ['hono', ['hono', '@hono/zod-validator']],
    ['.ts', ['lib/schema.ts', 'pages/api/x.ts']],
  ])('groups matching %j', (q, want) => expect(filterGroups(groupModules(inputs), q).map((g) => g.label)).toEqual(want));
});

describe('countLabel', () => {
  it.each<[number, number, string, string]>([
    [300, 300, 'route', '300 routes'],
    [12, 300, 'route', '12 of 300 routes'],
    [0, 300, 'route', '0 of 300 routes'],
    [1, 1, 'route', '1 route'],
    [0, 1, 'route', '0 of 1 route'],
    [0, 0, 'route', '0 routes'],
    [3, 412, 'module', '3 of 412 modules'],
  ])('%d of %d', (shown, total, noun, want) => expect(countLabel(shown, total, noun)).toBe(want));
  it('takes an irregular plural', () => expect(countLabel(2, 5, 'entry', 'entries')).toBe('2 of 5 entries'));
});

describe('highlight', () => {
  const show = (parts: { text: string; hit: boolean }[]) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
  it.each<[string, string, string]>([
    ['/api/hello', '', '/api/hello'],
    ['/api/hello', 'zzz', '/api/hello'],
    ['/api/hello', 'hello', '/api/[hello]'],
    ['/api/Hello', 'HELLO', '/api/[Hello]'],
    ['/api/gen/g3/r12', 'g3/r1', '/api/gen/[g3/r1]2'],
    ['aaaa', 'aa', '[aaaa]'], // overlapping matches merge
    ['/api/users/[id]', 'users id', '/api/[users]/[[id]]'],
    ['/api/users/[id]', 'user users', '/api/[users]/[id]'], // nested terms merge
    ['abcabc', 'bc', 'a[bc]a[bc]'],
  ])('%s with %j → %s', (text, q, want) => expect(show(highlight(text, q))).toBe(want));
  it('joins back to the text', () => {
    for (const q of ['a', 'api g', 'x', '/']) expect(highlight('/api/gen/g1/r2', q).map((p) => p.text).join('')).toBe('/api/gen/g1/r2');
  });
  it('is empty for empty text', () => expect(highlight('', 'a')).toEqual([]));
});

describe('stepIndex', () => {
  it.each<[string, number, number, string, number, number | null]>([
    ['down from nothing: first', -1, 10, 'ArrowDown', 5, 0],
    ['up from nothing: last', -1, 10, 'ArrowUp', 5, 9],
    ['down', 3, 10, 'ArrowDown', 5, 4],
    ['down at the end stays', 9, 10, 'ArrowDown', 5, 9],
    ['up', 3, 10, 'ArrowUp', 5, 2],
    ['up at the top stays', 0, 10, 'ArrowUp', 5, 0],
    ['page down', 3, 10, 'PageDown', 5, 8],
    ['page down clamps', 8, 10, 'PageDown', 5, 9],
    ['page up clamps', 3, 10, 'PageUp', 5, 0],
    ['page down from nothing', -1, 10, 'PageDown', 5, 4],
    ['page up from nothing', -1, 10, 'PageUp', 5, 5],
    ['home', 6, 10, 'Home', 5, 0],
    ['end', 2, 10, 'End', 5, 9],
    ['a stale index past the end counts as nothing', 42, 10, 'ArrowDown', 5, 0],
    ['page of 0 moves by 1', 3, 10, 'PageDown', 0, 4],
    ['empty list', -1, 0, 'ArrowDown', 5, null],
    ['not a navigation key', 3, 10, 'Enter', 5, null],
  ])('%s', (_, index, count, key, page, want) => expect(stepIndex(index, count, key, page)).toBe(want));
});

describe('isSearchShortcut', () => {
  const k = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it.each<[string, KeyLike, boolean, boolean]>([
    ['Ctrl+F', k('f', { ctrlKey: true }), false, true],
    ['Cmd+F', k('f', { metaKey: true }), false, true],
    ['Ctrl+F while typing', k('f', { ctrlKey: true }), true, true],
    ['Ctrl+Shift+F is left alone', k('F', { ctrlKey: true, shiftKey: true }), false, false],
    ['Ctrl+Alt+F is left alone', k('f', { ctrlKey: true, altKey: true }), false, false],
    ['plain f', k('f'), false, false],
    ['/', k('/'), false, true],
    ['/ while typing is a character', k('/'), true, false],
    ['Ctrl+/', k('/', { ctrlKey: true }), false, false],
    ['Escape', k('Escape'), false, false],
  ])('%s', (_, e, typing, want) => expect(isSearchShortcut(e, typing)).toBe(want));
});
