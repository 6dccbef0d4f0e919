// A fixed-row-height virtual list: renders only the rows in view (plus a
// few), keyed by the caller's key, and sticks to the newest row until the
// user scrolls up (DevTools' keepScrollingToBottom).

import type { ComponentChildren, CSSProperties } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  keyOf: (item: T) => string | number;
  row: (item: T, index: number) => ComponentChildren;
  stick?: boolean; // follow new rows at the bottom
  reveal?: { index: number }; // scrolled into view when this object changes (keep it in state)
  class?: string;
  style?: CSSProperties; // e.g. a flex basis of the rows' total height, so a short list takes only its rows' room
  testid?: string;
  empty?: ComponentChildren;
  onStuckChange?: (stuck: boolean) => void;
}

const OVERSCAN = 8;

/** The index range to render for a viewport. Pure; exported for tests. */
export function visibleRange(count: number, rowHeight: number, scrollTop: number, height: number, overscan = OVERSCAN): [number, number] {
  if (count === 0 || rowHeight <= 0) return [0, 0];
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + Math.max(height, rowHeight)) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

/**
 * The scroll position to render from: a list that just got shorter (a
 * filter) is drawn where the browser will clamp the scroll, not from the
 * stale position, which would show no rows. Pure; exported for tests.
 */
export function clampScroll(scrollTop: number, total: number, height: number): number {
  return Math.max(0, Math.min(scrollTop, total - height));
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const el = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const stuck = useRef(props.stick ?? false);
  const programmatic = useRef(false);
  const { items, rowHeight } = props;
  const total = items.length * rowHeight;

  useLayoutEffect(() => {
    const node = el.current;
    if (!node) return;
    // Headers outside the scroller line up with the rows by padding for
    // the scrollbar: publish its width to the parent as --vlist-gutter.
    const measure = () => {
      setHeight(node.clientHeight);
      node.parentElement?.style.setProperty('--vlist-gutter', `${node.offsetWidth - node.clientWidth}px`);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(node);
    return () => ro.disconnect();
  }, []);

  // Follow the newest row.
  useLayoutEffect(() => {
    const node = el.current;
    if (!node || !props.stick || !stuck.current) return;
    const bottom = Math.max(0, total - node.clientHeight);
    if (Math.abs(node.scrollTop - bottom) > 1) {
      programmatic.current = true;
      node.scrollTop = bottom;
      setScrollTop(node.scrollTop);
    }
  }, [items.length, total, height, props.stick]);

  useLayoutEffect(() => {
    const node = el.current;
    const i = props.reveal?.index;
    if (!node || i === undefined || i < 0 || i >= items.length) return;
    const top = i * rowHeight;
    const before = node.scrollTop;
    if (top < node.scrollTop) node.scrollTop = top;
    else if (top + rowHeight > node.scrollTop + node.clientHeight) node.scrollTop = top + rowHeight - node.clientHeight;
    if (node.scrollTop !== before) programmatic.current = true;
    setScrollTop(node.scrollTop);
    const last = i === items.length - 1;
    if (last !== stuck.current && props.stick) {
      stuck.current = last;
      props.onStuckChange?.(last);
    }
  }, [props.reveal]);

  const onScroll = () => {
    const node = el.current!;
    setScrollTop(node.scrollTop);
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    const atBottom = node.scrollTop + node.clientHeight >= node.scrollHeight - rowHeight / 2;
    if (atBottom !== stuck.current) {
      stuck.current = atBottom;
      props.onStuckChange?.(atBottom);
    }
  };

  const [first, last] = visibleRange(items.length, rowHeight, clampScroll(scrollTop, total, height), height);
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    const it = items[i];
    rows.push(
      <div class="vrow" key={props.keyOf(it)} style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}>
        {props.row(it, i)}
      </div>,
    );
  }
  return (
    <div class={`vlist ${props.class ?? ''}`} style={props.style} ref={el} onScroll={onScroll} data-testid={props.testid} tabIndex={-1}>
      {items.length === 0 && props.empty}
      <div class="vlist-spacer" style={{ height: `${total}px` }}>
        {rows}
      </div>
    </div>
  );
}

