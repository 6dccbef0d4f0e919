// Modules of a bundle as a squarified treemap, sized by output bytes.

import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hueOf, type ModuleGroup } from '../models/bundle';
import { formatBytes } from '../models/format';
import { squarify } from '../models/treemap';

export function Treemap(props: { groups: ModuleGroup[]; selected: string; onSelect: (key: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const node = el.current;
    if (!node) return;
    const measure = () => setSize({ w: node.clientWidth, h: node.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(node);
    return () => ro.disconnect();
  }, []);
  const total = useMemo(() => props.groups.reduce((s, g) => s + g.bytes, 0), [props.groups]);
  const cells = useMemo(() => squarify(props.groups, (g) => g.bytes, { x: 0, y: 0, w: size.w, h: size.h }), [props.groups, size]);
  return (
    <div class="treemap" ref={el} data-testid="treemap">
      {cells.map((c) => {
        const g = c.item;
        const hue = g.kind === 'package' ? hueOf(g.label) : 210;
        const big = c.w > 60 && c.h > 30;
        return (
          <div
            class={`treemap-cell ${g.kind} ${props.selected === g.key ? 'selected' : ''}`}
            data-testid="treemap-cell"
            data-path={g.label}
            data-bytes={g.bytes}
            style={{ left: `${c.x}px`, top: `${c.y}px`, width: `${c.w}px`, height: `${c.h}px`, '--hue': String(hue) }}
            title={`${g.label}\n${formatBytes(g.bytes)} (${((g.bytes / total) * 100).toFixed(1)} %)${g.modules.length > 1 ? `\n${g.modules.length} modules` : ''}`}
            onClick={() => props.onSelect(g.key)}
          >
            {big && (
              <>
                <span class="tm-label mono">{g.kind === 'project' ? g.label.split('/').pop() : g.label}</span>
                <span class="tm-size mono">{formatBytes(g.bytes)}</span>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
