import { describe, expect, it } from 'vitest';
import {
  buildPath,
  buildQuery,
  findRoute,
  matchPath,
  parseQuery,
  patternFields,
  splitUrl,
  suggestRoutes,
  withPath,
  withQuery,
} from './url';

describe('patternFields', () => {
  it.each([
    ['/api/hello', []],
    ['/api/items/[id]', [{ name: 'id', kind: 'param', required: true }]],
    ['/api/files/[...path]', [{ name: 'path', kind: 'catchall', required: true }]],
    ['/api/docs/[[...slug]]', [{ name: 'slug', kind: 'optional', required: false }]],
    [
      '/api/[org]/repos/[repo]',
      [
        { name: 'org', kind: 'param', required: true },
        { name: 'repo', kind: 'param', required: true },
      ],
    ],
  ])('%s', (pattern, want) => expect(patternFields(pattern)).toEqual(want));
});

describe('buildPath', () => {
  it.each([
    ['/api/items/[id]', { id: '42' }, '/api/items/42'],
    ['/api/items/[id]', { id: 'a b/c' }, '/api/items/a%20b%2Fc'],
    ['/api/items/[id]', {}, '/api/items/'],
    ['/api/files/[...path]', { path: 'a/b c/d' }, '/api/files/a/b%20c/d'],
    ['/api/files/[...path]', { path: '/a//b/' }, '/api/files/a/b'],
    ['/api/docs/[[...slug]]', { slug: '' }, '/api/docs'],
    ['/api/docs/[[...slug]]', { slug: 'x/y' }, '/api/docs/x/y'],
    ['/api/u/[id]', { id: 'me@x.io' }, '/api/u/me@x.io'],
  ])('%s with %j → %s', (pattern, values, want) => expect(buildPath(pattern, values as Record<string, string>)).toBe(want));
});

describe('matchPath', () => {
  it.each([
    ['/api/items/[id]', '/api/items/42', { id: '42' }],
    ['/api/items/[id]', '/api/items/a%20b', { id: 'a b' }],
    ['/api/items/[id]', '/api/items', null],
    ['/api/items/[id]', '/api/items/1/2', null],
    ['/api/files/[...path]', '/api/files/a/b', { path: 'a/b' }],
    ['/api/files/[...path]', '/api/files', null],
    ['/api/docs/[[...slug]]', '/api/docs', { slug: '' }],
    ['/api/docs/[[...slug]]', '/api/docs/a/b?x=1', { slug: 'a/b' }],
    ['/api/hello', '/api/hello', {}],
    ['/api/hello', '/api/hell', null],
  ])('%s ~ %s', (pattern, path, want) => expect(matchPath(pattern, path)).toEqual(want));

  it('round-trips buildPath for every kind', () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/items/[id]', { id: 'x y' }],
      ['/api/files/[...path]', { path: 'a/b/c' }],
      ['/api/docs/[[...slug]]', { slug: 'deep/er' }],
    ];
    for (const [p, v] of cases) expect(matchPath(p, buildPath(p, v))).toEqual(v);
  });
});

describe('findRoute', () => {
  const table = ['/api/docs/[[...slug]]', '/api/users/[id]', '/api/users/me', '/api/files/[...path]'];
  it.each([
    ['/api/users/me', '/api/users/me'],
    ['/api/users/7', '/api/users/[id]'],
    ['/api/docs', '/api/docs/[[...slug]]'],
    ['/api/files/x/y', '/api/files/[...path]'],
  ])('%s → %s (static before dynamic before catch-all)', (path, want) => expect(findRoute(table, path)?.pattern).toBe(want));
  it('null when nothing matches', () => expect(findRoute(table, '/nope')).toBeNull());
});

describe('query', () => {
  it('parses with decoding and + as space', () => {
    expect(parseQuery('?a=1&b=two+words&c=%C3%A4&flag')).toEqual([
      { name: 'a', value: '1', enabled: true },
      { name: 'b', value: 'two words', enabled: true },
      { name: 'c', value: 'ä', enabled: true },
      { name: 'flag', value: '', enabled: true },
    ]);
  });
  it('builds only enabled named rows', () => {
    expect(
      buildQuery([
        { name: 'q', value: 'a b&c', enabled: true },
        { name: 'off', value: '1', enabled: false },
        { name: '', value: 'x', enabled: true },
        { name: 'flag', value: '', enabled: true },
      ]),
    ).toBe('?q=a%20b%26c&flag');
    expect(buildQuery([])).toBe('');
  });
});

describe('splitUrl and URL building', () => {
  it.each([
    ['/api/x?a=1#h', { origin: '', path: '/api/x', query: '?a=1', hash: '#h' }],
    ['http://127.0.0.1:3000/api/x?a=1', { origin: 'http://127.0.0.1:3000', path: '/api/x', query: '?a=1', hash: '' }],
    ['http://127.0.0.1:3000', { origin: 'http://127.0.0.1:3000', path: '/', query: '', hash: '' }],
    ['api/x', { origin: '', path: '/api/x', query: '', hash: '' }],
  ])('%s', (url, want) => expect(splitUrl(url)).toEqual(want));

  it('replaces the query and keeps the path', () => {
    expect(withQuery('http://h:1/api/x?old=1', [{ name: 'n', value: '2', enabled: true }])).toBe('http://h:1/api/x?n=2');
    expect(withQuery('/api/x?old=1', [])).toBe('/api/x');
  });
  it('replaces the path from fields and keeps the query', () => {
    expect(withPath('/api/users/1?x=1', '/api/users/[id]', { id: '99' })).toBe('/api/users/99?x=1');
    expect(withPath('http://h:1/api/docs?x', '/api/docs/[[...slug]]', { slug: 'a/b' })).toBe('http://h:1/api/docs/a/b?x');
  });
});

describe('suggestRoutes', () => {
  const table = ['/api/hello', '/api/users/[id]', '/api/users/me', '/api/stream', '/api/docs/[[...slug]]'];
  it('prefix matches first, then substrings and dynamic matches', () => {
    expect(suggestRoutes(table, '/api/us')).toEqual(['/api/users/[id]', '/api/users/me']);
    expect(suggestRoutes(table, 'stream')).toEqual(['/api/stream']);
    expect(suggestRoutes(table, '/api/users/42')).toEqual(['/api/users/[id]']);
  });
  it('everything for an empty box', () => expect(suggestRoutes(table, '')).toEqual(table));
});
