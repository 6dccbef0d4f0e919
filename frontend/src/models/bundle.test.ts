import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../bridge/types';
import { chainToGroup, groupModules, importChain, packageOf, sizeDelta, usage } from './bundle';
import { squarify } from './treemap';

describe('packageOf', () => {
  it.each([
    ['pages/api/x.ts', ''],
    ['lib/a.ts', ''],
    ['node_modules/jose/dist/browser/index.js', 'jose'],
    ['node_modules/@scope/pkg/dist/a.js', '@scope/pkg'],
    ['node_modules/a/node_modules/@s/b/i.js', '@s/b'],
    ['node_modules\\win\\x.js', 'win'],
  ])('%s → %j', (p, want) => expect(packageOf(p)).toBe(want));
});

describe('groupModules', () => {
  it('groups node_modules by package and sums bytes, heaviest first', () => {
    const g = groupModules([
      { path: 'node_modules/@scope/pkg/a.js', bytes: 300 },
      { path: 'pages/api/x.ts', bytes: 100 },
      { path: 'node_modules/@scope/pkg/b.js', bytes: 500 },
      { path: 'node_modules/tiny/i.js', bytes: 50 },
    ]);
    expect(g.map((x) => [x.label, x.kind, x.bytes, x.modules.length])).toEqual([
      ['@scope/pkg', 'package', 800, 2],
      ['pages/api/x.ts', 'project', 100, 1],
      ['tiny', 'package', 50, 1],
    ]);
    expect(g[0].modules[0].path).toBe('node_modules/@scope/pkg/b.js');
  });
});

describe('importChain', () => {
  const imports: Record<string, string[]> = {
    'pages/api/x.ts': ['lib/a.ts', 'lib/b.ts'],
    'lib/a.ts': ['lib/c.ts'],
    'lib/b.ts': ['node_modules/big/index.js'],
    'lib/c.ts': ['node_modules/big/index.js', 'lib/a.ts'], // a cycle
    'node_modules/big/index.js': ['node_modules/big/deep.js'],
  };
  it.each([
    ['node_modules/big/index.js', ['pages/api/x.ts', 'lib/b.ts', 'node_modules/big/index.js']],
    ['node_modules/big/deep.js', ['pages/api/x.ts', 'lib/b.ts', 'node_modules/big/index.js', 'node_modules/big/deep.js']],
    ['lib/c.ts', ['pages/api/x.ts', 'lib/a.ts', 'lib/c.ts']],
    ['pages/api/x.ts', ['pages/api/x.ts']],
    ['unreached.js', []],
  ])('shortest chain to %s', (target, want) => expect(importChain(imports, 'pages/api/x.ts', (p) => p === target)).toEqual(want));

  it('reaches a package group through any of its modules', () => {
    const build = { file: 'pages/api/x.ts', imports } as unknown as BuildResult;
    const [group] = groupModules([
      { path: 'node_modules/big/deep.js', bytes: 10 },
      { path: 'node_modules/big/index.js', bytes: 5 },
    ]);
    expect(chainToGroup(build, 'pages/api/x.ts', group)).toEqual(['pages/api/x.ts', 'lib/b.ts', 'node_modules/big/index.js']);
  });
});

describe('sizeDelta', () => {
  it('lists added, removed and changed modules by size of change', () => {
    const rows = sizeDelta(
      [
        { path: 'a.ts', bytes: 100 },
        { path: 'b.ts', bytes: 200 },
        { path: 'gone.ts', bytes: 50 },
      ],
      [
        { path: 'a.ts', bytes: 100 },
        { path: 'b.ts', bytes: 260 },
        { path: 'new.ts', bytes: 1000 },
      ],
    );
    expect(rows).toEqual([
      { path: 'new.ts', before: 0, after: 1000, delta: 1000, change: 'added' },
      { path: 'b.ts', before: 200, after: 260, delta: 60, change: 'changed' },
      { path: 'gone.ts', before: 50, after: 0, delta: -50, change: 'removed' },
    ]);
  });
  it('is empty for identical builds and treats a missing previous as all added', () => {
    const inputs = [{ path: 'a.ts', bytes: 1 }];
    expect(sizeDelta(inputs, inputs)).toEqual([]);
    expect(sizeDelta(undefined, inputs)).toEqual([{ path: 'a.ts', before: 0, after: 1, delta: 1, change: 'added' }]);
  });
});

describe('usage', () => {
  it.each([
    [0, 1000, 'ok'],
    [800, 1000, 'ok'],
    [801, 1000, 'warn'],
    [1000, 1000, 'warn'],
    [1001, 1000, 'over'],
    [5, 0, 'ok'],
  ])('%d of %d → %s', (b, l, want) => expect(usage(b, l).level).toBe(want));
});

describe('squarify', () => {
  const bounds = { x: 10, y: 20, w: 640, h: 360 };
  const cases: [string, number[]][] = [
    ['one', [42]],
    ['equal', [5, 5, 5, 5]],
    ['skewed', [1000, 300, 200, 100, 50, 20, 10, 5, 1]],
    ['many', Array.from({ length: 120 }, (_, i) => ((i * 7919) % 97) + 1)],
  ];
  it.each(cases)('%s: areas proportional, inside bounds, no overlap, tiles the rectangle', (_, values) => {
    const cells = squarify(values, (v) => v, bounds);
    expect(cells).toHaveLength(values.length);
    const total = values.reduce((a, b) => a + b, 0);
    const area = bounds.w * bounds.h;
    const eps = 1e-6;
    let sum = 0;
    for (const c of cells) {
      expect(c.w * c.h).toBeCloseTo((c.value / total) * area, 4);
      expect(c.x).toBeGreaterThanOrEqual(bounds.x - eps);
      expect(c.y).toBeGreaterThanOrEqual(bounds.y - eps);
      expect(c.x + c.w).toBeLessThanOrEqual(bounds.x + bounds.w + eps);
      expect(c.y + c.h).toBeLessThanOrEqual(bounds.y + bounds.h + eps);
      sum += c.w * c.h;
    }
    expect(sum).toBeCloseTo(area, 3);
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const a = cells[i];
        const b = cells[j];
        const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        expect(ox <= 1e-6 || oy <= 1e-6).toBe(true);
      }
    }
  });
  it('keeps aspect ratios reasonable for equal values', () => {
    const cells = squarify([1, 1, 1, 1], (v) => v, { x: 0, y: 0, w: 400, h: 400 });
    for (const c of cells) expect(Math.max(c.w / c.h, c.h / c.w)).toBeLessThanOrEqual(1.0001);
  });
  it('drops zero and negative values and handles empty bounds', () => {
    expect(squarify([0, -1, 3], (v) => v, bounds)).toHaveLength(1);
    expect(squarify([1, 2], (v) => v, { x: 0, y: 0, w: 0, h: 100 })).toEqual([]);
  });
});
