import { describe, expect, it } from 'vitest';
import { clampScroll, visibleRange } from './VirtualList';

describe('visibleRange', () => {
  it.each<[string, number, number, number, number, [number, number]]>([
    ['empty', 0, 22, 0, 600, [0, 0]],
    ['top of 10,000 rows', 10000, 22, 0, 660, [0, 38]],
    ['middle', 10000, 22, 22000, 660, [992, 1038]],
    ['bottom is clamped', 10000, 22, 220000 - 660, 660, [9962, 10000]],
    ['fewer rows than fit', 5, 22, 0, 660, [0, 5]],
  ])('%s', (_, count, rh, top, h, want) => expect(visibleRange(count, rh, top, h)).toEqual(want));
  it('renders a bounded number of rows however long the list', () => {
    const [a, b] = visibleRange(1_000_000, 22, 5_000_000, 900);
    expect(b - a).toBeLessThan(70);
  });
});

describe('clampScroll', () => {
  it.each<[string, number, number, number, number]>([
    ['in range', 300, 9000, 600, 300],
    ['top', 0, 9000, 600, 0],
    ['past the end of a list that shrank (300 rows filtered to 11)', 6000, 11 * 30, 600, 0],
    ['past the end, list still taller than the view', 6000, 900, 600, 300],
    ['empty list', 500, 0, 600, 0],
  ])('%s', (_, top, total, h, want) => expect(clampScroll(top, total, h)).toBe(want));
  it('renders the rows of a list that shrank under a stale scroll position', () => {
    const [a, b] = visibleRange(11, 30, clampScroll(6000, 11 * 30, 600), 600);
    expect([a, b]).toEqual([0, 11]);
  });
});
