// Squarified treemap (Bruls, Huizing, van Wijk 2000): cells whose areas are
// proportional to their values, tiling the rectangle, with aspect ratios
// kept near 1 so labels fit.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Cell<T> extends Rect {
  item: T;
  value: number;
}

export function squarify<T>(items: T[], valueOf: (t: T) => number, bounds: Rect): Cell<T>[] {
  const list = items
    .map((item) => ({ item, value: Math.max(0, valueOf(item)) }))
    .filter((e) => e.value > 0)
    .sort((a, b) => b.value - a.value);
  const total = list.reduce((s, e) => s + e.value, 0);
  const out: Cell<T>[] = [];
  if (total <= 0 || bounds.w <= 0 || bounds.h <= 0) return out;
  const scale = (bounds.w * bounds.h) / total; // area per unit of value
  let rect = { ...bounds };
  let row: { item: T; value: number }[] = [];
  let rowSum = 0;

  // Worst aspect ratio of a row laid along a side of length `side`.
  const worst = (sum: number, min: number, max: number, side: number) => {
    const s = sum * scale;
    const side2 = side * side;
    return Math.max((side2 * max * scale) / (s * s), (s * s) / (side2 * min * scale));
  };

  const layRow = () => {
    const area = rowSum * scale;
    if (rect.w >= rect.h) {
      // vertical strip on the left
      const w = rect.h > 0 ? area / rect.h : 0;
      let y = rect.y;
      for (const e of row) {
        const h = w > 0 ? (e.value * scale) / w : 0;
        out.push({ item: e.item, value: e.value, x: rect.x, y, w, h });
        y += h;
      }
      rect = { x: rect.x + w, y: rect.y, w: Math.max(0, rect.w - w), h: rect.h };
    } else {
      const h = rect.w > 0 ? area / rect.w : 0;
      let x = rect.x;
      for (const e of row) {
        const w = h > 0 ? (e.value * scale) / h : 0;
        out.push({ item: e.item, value: e.value, x, y: rect.y, w, h });
        x += w;
      }
      rect = { x: rect.x, y: rect.y + h, w: rect.w, h: Math.max(0, rect.h - h) };
    }
    row = [];
    rowSum = 0;
  };

  for (const e of list) {
    const side = Math.min(rect.w, rect.h);
    if (row.length === 0) {
      row.push(e);
      rowSum = e.value;
      continue;
    }
    const max = row[0].value; // sorted descending
    const min = row[row.length - 1].value;
    const before = worst(rowSum, min, max, side);
    const after = worst(rowSum + e.value, Math.min(min, e.value), max, side);
    if (after <= before) {
      row.push(e);
      rowSum += e.value;
    } else {
      layRow();
      row.push(e);
      rowSum = e.value;
    }
  }
  if (row.length) layRow();
  return out;
}
