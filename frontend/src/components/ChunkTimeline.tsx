// The chunks of a streamed body at their time offsets, filling in live.

import { useMemo, useState } from 'preact/hooks';
import type { Chunk } from '../bridge/types';
import {
  base64ToBytes,
  bytesToText,
  escapeControls,
  formatBytes,
  formatOffsetMs,
  hexDump,
  looksLikeText,
} from '../models/format';
import { VirtualList } from './VirtualList';

const ROW = 20;
const MAX_TICKS = 1500;

function preview(c: Chunk): { text: string; binary: boolean } {
  const bytes = base64ToBytes(c.data);
  if (!looksLikeText(bytes)) return { text: hexDump(bytes.subarray(0, 24))[0]?.slice(10) ?? '', binary: true };
  return { text: escapeControls(bytesToText(bytes.subarray(0, 400))), binary: false };
}

export function ChunkTimeline(props: { chunks: Chunk[]; count: number; done: boolean; version: number; totalNs: number }) {
  const { chunks } = props;
  const [sel, setSel] = useState<number | null>(null);
  const span = Math.max(props.totalNs, chunks.length ? chunks[chunks.length - 1].offset : 0, 1);
  const bytes = useMemo(() => chunks.reduce((s, c) => s + c.size, 0), [chunks, props.version]);
  const ticks = useMemo(() => {
    const step = Math.max(1, Math.ceil(chunks.length / MAX_TICKS));
    const out: number[] = [];
    for (let i = 0; i < chunks.length; i += step) out.push((chunks[i].offset / span) * 100);
    return out;
  }, [chunks, props.version, span]);
  const selected = sel === null ? undefined : chunks.find((c) => c.index === sel);

  return (
    <div class="chunks">
      <div class="chunks-head">
        <span class="mono">
          {props.count} {props.count === 1 ? 'chunk' : 'chunks'} · {formatBytes(bytes)}
          {props.count > chunks.length && <span class="muted"> · {chunks.length} kept</span>}
        </span>
        <span class={`pill ${props.done ? '' : 'live'}`}>{props.done ? 'closed' : 'streaming'}</span>
        <svg class="chunk-strip" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
          {ticks.map((x) => (
            <line x1={x} x2={x} y1="0" y2="10" />
          ))}
        </svg>
        <span class="muted mono">{formatOffsetMs(span)} ms</span>
      </div>
      <div class="chunk-cols mono">
        <span>#</span>
        <span class="num">offset ms</span>
        <span class="num">Δ ms</span>
        <span class="num">size</span>
        <span>content</span>
      </div>
      <VirtualList
        items={chunks}
        rowHeight={ROW}
        keyOf={(c) => c.index}
        stick
        class="chunk-list"
        empty={<div class="muted pad">{props.done ? 'The stream closed without chunks.' : 'Waiting for the first chunk…'}</div>}
        row={(c, i) => {
          const p = preview(c);
          const prev = i > 0 ? chunks[i - 1].offset : 0;
          return (
            <div
              class={`chunk-row mono ${sel === c.index ? 'selected' : ''}`}
              data-testid="chunk-row"
              data-index={c.index}
              onClick={() => setSel(sel === c.index ? null : c.index)}
            >
              <span class="muted">{c.index}</span>
              <span class="num">{formatOffsetMs(c.offset)}</span>
              <span class="num muted">+{formatOffsetMs(c.offset - prev)}</span>
              <span class="num">{formatBytes(c.size)}</span>
              <span class={`chunk-text ${p.binary ? 'muted' : ''}`}>{p.text}</span>
            </div>
          );
        }}
      />
      {selected && <ChunkDetail c={selected} />}
    </div>
  );
}

function ChunkDetail(props: { c: Chunk }) {
  const bytes = base64ToBytes(props.c.data);
  const text = looksLikeText(bytes);
  return (
    <div class="chunk-detail">
      <div class="muted mono">
        chunk {props.c.index} · {formatOffsetMs(props.c.offset)} ms · {formatBytes(props.c.size)}
        {props.c.size > bytes.length && ` · first ${formatBytes(bytes.length)} kept`}
      </div>
      <pre class="mono">{text ? bytesToText(bytes) : hexDump(bytes).join('\n')}</pre>
    </div>
  );
}
