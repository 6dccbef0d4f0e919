// The live exchange log: virtualised list, filters, clear, HAR export,
// and the selected exchange's detail.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../bridge';
import type { Exchange } from '../bridge/types';
import { formatBytes, formatClock, formatDuration } from '../models/format';
import { filterExchanges, isFailed, statusClass, type StatusFilter } from '../models/traffic';
import { info, parseHash } from '../stores/app';
import { useStore } from '../stores/store';
import { clearTraffic, routesInLog, selectedSeq, traffic, trafficFilter } from '../stores/traffic';
import { CopyButton, download, Empty, errText } from './common';
import { ExchangeView } from './ExchangeView';
import { VirtualList } from './VirtualList';

const ROW = 22;
const STATUSES: { key: StatusFilter; label: string }[] = [
  { key: 'all', label: 'All' },
  { key: '2xx', label: '2xx' },
  { key: '3xx', label: '3xx' },
  { key: '4xx', label: '4xx' },
  { key: '5xx', label: '5xx' },
  { key: 'failed', label: 'Failed' },
  { key: 'stream', label: 'Streams' },
  { key: 'pending', label: 'Pending' },
];

/** Clears the log here and in the engine (also bound to Ctrl/Cmd+K). */
export function clearAll(): Promise<void> {
  clearTraffic();
  return api.ClearTraffic().then(
    () => undefined,
    () => undefined,
  );
}

function harName(): string {
  const i = info.get();
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  return `${(i?.project.name ?? 'edgeplay').replace(/[^\w.-]+/g, '_')}-${stamp}.har`;
}

export function TrafficView() {
  const ring = useStore(traffic);
  const filter = useStore(trafficFilter);
  const sel = useStore(selectedSeq);
  const [following, setFollowing] = useState(true);
  const [reveal, setReveal] = useState<{ index: number } | undefined>(undefined);
  const [mask, setMask] = useState(true);
  const [err, setErr] = useState('');
  const all = ring.toArray();
  const list = useMemo(() => filterExchanges(all, filter), [all, filter]);
  const routes = useMemo(() => routesInLog(all), [all]);
  // "#traffic/42" selects exchange 42 and scrolls to it once it is listed.
  const [linked, setLinked] = useState(() => parseHash(location.hash).seq);
  useEffect(() => {
    if (linked !== null) selectedSeq.set(linked);
  }, []);
  const selIndex = sel === null ? -1 : list.findIndex((x) => x.seq === sel);
  useEffect(() => {
    if (linked === null || selIndex < 0 || sel !== linked) return;
    setReveal({ index: selIndex });
    setLinked(null);
  }, [linked, selIndex, sel]);

  const exportHar = async (seqs: number[]) => {
    try {
      download(harName(), await api.ExportHAR(seqs, mask), 'application/json');
      setErr('');
    } catch (e) {
      setErr(`Export failed: ${errText(e)}`);
    }
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Escape') return;
    if ((e.target as HTMLElement).closest('input,select,textarea')) return;
    e.preventDefault();
    if (e.key === 'Escape') return selectedSeq.set(null);
    if (!list.length) return;
    const i = selIndex < 0 ? (e.key === 'ArrowDown' ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, selIndex + (e.key === 'ArrowDown' ? 1 : -1)));
    selectedSeq.set(list[i].seq);
    setReveal({ index: i });
  };

  return (
    <div class={`traffic ${sel !== null ? 'with-detail' : ''}`} onKeyDown={onKey}>
      <div class="toolbar">
        <input
          class="input mono"
          type="search"
          placeholder="Filter: text, method:POST, status:4xx, route:/api/x, -exclude"
          data-testid="traffic-filter"
          value={filter.text}
          onInput={(e) => trafficFilter.set({ ...filter, text: (e.currentTarget as HTMLInputElement).value })}
        />
        <select class="input" value={filter.route} onChange={(e) => trafficFilter.set({ ...filter, route: (e.currentTarget as HTMLSelectElement).value })} title="Route">
          <option value="">All routes</option>
          {routes.map((r) => (
            <option value={r}>{r}</option>
          ))}
        </select>
        <div class="segs">
          {STATUSES.map((s) => (
            <button class={`seg ${filter.status === s.key ? 'active' : ''}`} onClick={() => trafficFilter.set({ ...filter, status: s.key })}>
              {s.label}
            </button>
          ))}
        </div>
        <span class="grow" />
        <span class="muted mono count">
          {list.length === all.length ? `${all.length}` : `${list.length} / ${all.length}`} requests
        </span>
        <label class="check" title="Hide authorization, cookie and set-cookie values in the HAR">
          <input type="checkbox" checked={mask} onChange={(e) => setMask((e.currentTarget as HTMLInputElement).checked)} /> mask secrets
        </label>
        <button class="btn" onClick={() => exportHar(list.length === all.length ? [] : list.map((x) => x.seq))} disabled={!list.length} title="Export the listed exchanges as HAR 1.2">
          Export HAR
        </button>
        <button class="btn" data-testid="traffic-clear" onClick={() => void clearAll()} title="Clear the log (Ctrl/Cmd+K)">
          Clear
        </button>
      </div>
      {err && <div class="banner error">{err}</div>}
      <div class="traffic-main">
        <div class="xlist">
          <div class="xrow xhead">
            <span class="c-seq">#</span>
            <span class="c-method">Method</span>
            <span class="c-path">Path</span>
            <span class="c-status">Status</span>
            <span class="c-route">Route</span>
            <span class="c-size">Size</span>
            <span class="c-time">Time</span>
            <span class="c-start">Started</span>
          </div>
          <VirtualList<Exchange>
            items={list}
            rowHeight={ROW}
            keyOf={(x) => x.seq}
            stick
            reveal={reveal}
            onStuckChange={setFollowing}
            class="xbody"
            empty={
              all.length ? (
                <Empty title="No request matches the filter" />
              ) : (
                <Empty title="No requests yet">
                  Requests to <span class="mono">{info.get()?.url ?? 'the server'}</span> show up here as they happen — from curl, a browser, or the Composer.
                </Empty>
              )
            }
            row={(x) => <Row x={x} selected={x.seq === sel} />}
          />
          {!following && list.length > 0 && (
            <button class="btn follow" onClick={() => setReveal({ index: list.length - 1 })}>
              ↓ Newest
            </button>
          )}
        </div>
        {sel !== null && (
          <div class="detail-pane">
            <div class="detail-bar">
              <span class="mono muted">#{sel}</span>
              <span class="grow" />
              <CopyButton label="Copy as curl" text={() => api.CurlFor(sel)} />
              <button class="btn small" onClick={() => exportHar([sel])}>
                HAR
              </button>
              <button class="btn small" title="Close (Esc)" onClick={() => selectedSeq.set(null)}>
                ✕
              </button>
            </div>
            <ExchangeView seq={sel} testid="exchange-detail" />
          </div>
        )}
      </div>
    </div>
  );
}

function Row(props: { x: Exchange; selected: boolean }) {
  const { x } = props;
  const failed = isFailed(x);
  return (
    <div
      class={`xrow mono ${props.selected ? 'selected' : ''} ${failed ? 'failed' : ''} ${x.done ? '' : 'open'}`}
      data-testid="exchange-row"
      data-seq={x.seq}
      data-status={x.status}
      onClick={() => selectedSeq.set(props.selected ? null : x.seq)}
    >
      <span class="c-seq muted">{x.seq}</span>
      <span class="c-method">{x.method}</span>
      <span class="c-path" title={x.url}>
        {x.path}
      </span>
      <span class={`c-status s-${statusClass(x)}`}>{x.status || (x.done ? '—' : '…')}</span>
      <span class="c-route muted" title={x.file}>
        {x.route ?? '—'}
      </span>
      <span class="c-size">
        {x.stream && <span class="mark stream" title={`streamed, ${x.chunkCount} chunks`}>≋</span>}
        {x.error && <span class="mark err" title={`${x.error.name}: ${x.error.message}`}>!</span>}
        {formatBytes(x.responseSize)}
      </span>
      <span class="c-time">{x.done ? formatDuration(x.timing.total) : 'pending'}</span>
      <span class="c-start muted">{formatClock(x.start)}</span>
    </div>
  );
}
