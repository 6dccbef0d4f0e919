// One exchange in full: headers, bodies, chunk timeline, console, error
// with stack, timing. Used by Traffic (selection) and Composer (response).

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Exchange, Header } from '../bridge/types';
import { base64ToBytes, concatBytes, formatBytes, formatClock, formatDuration, headerValue } from '../models/format';
import { isProjectFile, parseStack, statusClass } from '../models/traffic';
import { details, getDetail, release, retain, type Detail } from '../stores/details';
import { useStore } from '../stores/store';
import { traffic } from '../stores/traffic';
import { BodyViewer } from './BodyViewer';
import { ChunkTimeline } from './ChunkTimeline';
import { CopyButton, EditorLink, Tabs } from './common';

/** Keeps the full exchange loaded while mounted; the summary stands in meanwhile. */
export function useExchange(seq: number | null): { x: Exchange | undefined; d: Detail | undefined } {
  useEffect(() => {
    if (seq === null) return;
    retain(seq);
    return () => release(seq);
  }, [seq]);
  useStore(details);
  const ring = useStore(traffic);
  const d = getDetail(seq);
  return { x: d?.x ?? (seq === null ? undefined : ring.get(seq)), d };
}

type TabKey = 'response' | 'headers' | 'request' | 'console' | 'timing';
const TAB_KEY = 'edgeplay.detailTab';

function initialTab(key: string): TabKey {
  try {
    const t = localStorage.getItem(key) as TabKey | null;
    if (t && ['response', 'headers', 'request', 'console', 'timing'].includes(t)) return t;
  } catch {
    // no storage
  }
  return 'response';
}

export function StatusText(props: { x: Exchange; testid?: string }) {
  const { x } = props;
  const cls = statusClass(x);
  return (
    <span class={`status s-${cls}`} data-testid={props.testid}>
      {x.status ? x.status : x.error ? 'failed' : 'pending'}
    </span>
  );
}

export function ExchangeView(props: { seq: number; testid?: string; statusTestid?: string; bodyTestid?: string; tabKey?: string }) {
  const { x, d } = useExchange(props.seq);
  const storageKey = props.tabKey ?? TAB_KEY;
  const [tab, setTabState] = useState<TabKey>(() => initialTab(storageKey));
  const setTab = (t: TabKey) => {
    setTabState(t);
    try {
      localStorage.setItem(storageKey, t);
    } catch {
      // no storage
    }
  };
  if (!x) {
    return (
      <div class="exchange" data-testid={props.testid}>
        <div class="muted pad">{d?.error ? `Could not load exchange #${props.seq}: ${d.error}` : `Loading exchange #${props.seq}…`}</div>
      </div>
    );
  }
  const logs = x.logs ?? [];
  return (
    <div class="exchange" data-testid={props.testid} data-seq={x.seq}>
      <div class="x-summary">
        <span class="mono strong">{x.method}</span>
        <span class="mono x-url" title={x.url}>{x.path || x.url}</span>
        <StatusText x={x} testid={props.statusTestid} />
        <span class="mono muted">{x.done ? formatDuration(x.timing.total) : 'in progress'}</span>
        <span class="mono muted">{formatBytes(x.responseSize)}</span>
        <span class="grow" />
        {x.route && <span class="mono muted" title={x.file}>{x.route}</span>}
        {x.buildId ? <span class="mono muted">build #{x.buildId}</span> : null}
      </div>
      {x.error && <ErrorBox x={x} />}
      {d?.error && <div class="banner warn">Full exchange unavailable: {d.error}</div>}
      <Tabs<TabKey>
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'response', label: x.stream ? `Response · ${x.chunkCount} chunks` : 'Response' },
          { key: 'headers', label: 'Headers' },
          { key: 'request', label: x.requestBodySize ? `Request · ${formatBytes(x.requestBodySize)}` : 'Request' },
          { key: 'console', label: logs.length ? `Console · ${logs.length}` : 'Console' },
          { key: 'timing', label: 'Timing' },
        ]}
      />
      <div class="x-body">
        {tab === 'response' && <ResponsePanel x={x} d={d} testid={props.bodyTestid} />}
        {tab === 'headers' && <HeadersPanel x={x} />}
        {tab === 'request' && <RequestPanel x={x} />}
        {tab === 'console' && <ConsolePanel x={x} />}
        {tab === 'timing' && <TimingPanel x={x} />}
      </div>
    </div>
  );
}

function responseBytes(x: Exchange): Uint8Array {
  if (x.responseBody) return base64ToBytes(x.responseBody);
  if (x.chunks?.length) return concatBytes(x.chunks.map((c) => base64ToBytes(c.data)));
  return new Uint8Array(0);
}

function ResponsePanel(props: { x: Exchange; d: Detail | undefined; testid?: string }) {
  const { x, d } = props;
  const version = d?.version ?? 0;
  const bytes = useMemo(() => responseBytes(x), [x, version, x.responseBody, x.chunks?.length]);
  const ct = headerValue(x.responseHeaders, 'content-type');
  if (x.stream) {
    return (
      <div class="response split-v">
        <ChunkTimeline chunks={x.chunks ?? []} count={x.chunkCount} done={x.done} version={version} totalNs={x.done ? x.timing.total : 0} />
        <BodyViewer bytes={bytes} contentType={ct} total={x.responseSize} testid={props.testid} />
      </div>
    );
  }
  if (!x.done && !x.status) {
    return (
      <div class="response" data-testid={props.testid}>
        <div class="muted pad">Waiting for the response head…</div>
      </div>
    );
  }
  return (
    <div class="response">
      <BodyViewer bytes={bytes} contentType={ct} total={x.responseSize} testid={props.testid} />
    </div>
  );
}

function HeaderTable(props: { title: string; headers: Header[] }) {
  return (
    <section class="kv-section">
      <h4>
        {props.title} <span class="muted">({props.headers.length})</span>
      </h4>
      <table class="kv mono">
        <tbody>
          {props.headers.map((h) => (
            <tr>
              <th>{h.name}</th>
              <td>{h.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function HeadersPanel(props: { x: Exchange }) {
  const { x } = props;
  const general: Header[] = [
    { name: 'Request URL', value: x.url },
    { name: 'Method', value: x.method },
    { name: 'Status', value: x.status ? String(x.status) : x.done ? 'no response' : 'pending' },
    { name: 'Route', value: x.route ? `${x.route} (${x.file ?? ''})` : 'no route matched' },
    { name: 'Client', value: x.client ?? '' },
    { name: 'Started', value: `${formatClock(x.start)} (${x.start})` },
  ].filter((h) => h.value);
  return (
    <div class="pad scroll">
      <HeaderTable title="General" headers={general} />
      <HeaderTable title="Response headers" headers={x.responseHeaders ?? []} />
      <HeaderTable title="Request headers" headers={x.requestHeaders ?? []} />
    </div>
  );
}

function RequestPanel(props: { x: Exchange }) {
  const { x } = props;
  const bytes = useMemo(() => base64ToBytes(x.requestBody), [x.requestBody]);
  let query: [string, string][] = [];
  try {
    query = [...new URL(x.url, 'http://localhost').searchParams.entries()];
  } catch {
    query = [];
  }
  return (
    <div class="request">
      {query.length > 0 && (
        <div class="pad">
          <HeaderTable title="Query (params merged)" headers={query.map(([name, value]) => ({ name, value }))} />
        </div>
      )}
      <BodyViewer bytes={bytes} contentType={headerValue(x.requestHeaders, 'content-type')} total={x.requestBodySize} />
    </div>
  );
}

function ConsolePanel(props: { x: Exchange }) {
  const logs = props.x.logs ?? [];
  if (!logs.length) return <div class="muted pad">No console output during this request.</div>;
  return (
    <div class="console mono scroll">
      {logs.map((l) => (
        <div class={`log-line lvl-${l.level}`}>
          <span class="muted">{formatClock(l.time)}</span>
          <span class="lvl">{l.level}</span>
          <span class="log-text">{l.text}</span>
        </div>
      ))}
    </div>
  );
}

function TimingPanel(props: { x: Exchange }) {
  const { x } = props;
  const t = x.timing;
  const total = Math.max(t.total, t.ttfb, t.queue, x.background?.at ?? 0, 1);
  const bar = (from: number, to: number, cls: string) => (
    <div class="tbar-track">
      <div class={`tbar ${cls}`} style={{ left: `${(from / total) * 100}%`, width: `${Math.max(0.5, ((to - from) / total) * 100)}%` }} />
    </div>
  );
  return (
    <div class="pad timing">
      <table class="kv mono">
        <tbody>
          <tr>
            <th>Queue</th>
            <td>{formatDuration(t.queue)}</td>
            <td class="tcol">{bar(0, t.queue, 'queue')}</td>
          </tr>
          <tr>
            <th>Waiting (TTFB)</th>
            <td>{formatDuration(t.ttfb)}</td>
            <td class="tcol">{bar(t.queue, t.ttfb, 'ttfb')}</td>
          </tr>
          <tr>
            <th>Content</th>
            <td>{x.done ? formatDuration(t.total - t.ttfb) : 'in progress'}</td>
            <td class="tcol">{x.done && bar(t.ttfb, t.total, 'content')}</td>
          </tr>
          <tr>
            <th>Total</th>
            <td>{x.done ? formatDuration(t.total) : 'in progress'}</td>
            <td />
          </tr>
          {x.background && (
            <tr data-testid="timing-background">
              <th>waitUntil</th>
              <td class={x.background.error ? 'err-text' : ''}>
                {x.background.done ? `settled at ${formatDuration(x.background.at ?? 0)}` : 'running'}
                {x.background.error ? ` — ${x.background.error}` : ''}
              </td>
              <td class="tcol">{x.background.done && bar(t.total, Math.max(t.total, x.background.at ?? 0), 'content')}</td>
            </tr>
          )}
          <tr>
            <th>Build</th>
            <td colSpan={2}>{x.buildId ? `#${x.buildId}${x.file ? ` of ${x.file}` : ''}` : 'none (no route ran)'}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function ErrorBox(props: { x: Exchange }) {
  const e = props.x.error!;
  const frames = useMemo(() => parseStack(e.stack || ''), [e.stack]);
  const [open, setOpen] = useState(true);
  return (
    <div class="error-box">
      <div class="error-head" onClick={() => setOpen(!open)}>
        <span class="j-toggle">{open ? '▾' : '▸'}</span>
        <span class="mono strong">
          {e.name}: {e.message}
        </span>
        <span class="grow" />
        {e.file && e.line ? (
          <EditorLink file={e.file} line={e.line} column={e.column ?? 1} />
        ) : null}
        <CopyButton text={() => e.stack || `${e.name}: ${e.message}`} />
      </div>
      {open && frames.length > 0 && (
        <pre class="mono stack">
          {frames.map((f) =>
            f.file && f.line && isProjectFile(f.file) ? (
              <div>
                {f.text.slice(0, f.text.lastIndexOf(f.file))}
                <EditorLink file={f.file} line={f.line} column={f.column ?? 1}>{`${f.file}:${f.line}:${f.column ?? 1}`}</EditorLink>
                {f.text.slice(f.text.lastIndexOf(f.file) + `${f.file}:${f.line}:${f.column}`.length)}
              </div>
            ) : (
              <div class="muted">{f.text}</div>
            ),
          )}
        </pre>
      )}
    </div>
  );
}
