// Every route: pattern, file, runtime, build state, size against the limit,
// last build; then conflicts and build errors. The rows are virtualised
// (only those in view are in the DOM) and searchable by pattern and file;
// arrows move the selection, Enter composes a request to it.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RouteInfo } from '../bridge/types';
import { collectDiagnostics, nodeReason } from '../models/diag';
import { formatAgo, formatClock, formatDuration, formatLimit } from '../models/format';
import { countLabel, filterRoutes, stepIndex } from '../models/search';
import { info, view } from '../stores/app';
import { bundleQuery, selectBundle } from '../stores/bundles';
import { draft } from '../stores/composer';
import { projectDiagnostics, routeQuery, routes, selectedRoute } from '../stores/routes';
import { useStore } from '../stores/store';
import { trafficFilter } from '../stores/traffic';
import { Empty, SizeBar } from './common';
import { DiagList } from './Diagnostics';
import { Marked, SearchBox } from './SearchBox';
import { VirtualList } from './VirtualList';
import { buildPath, isDynamic, patternFields } from '../models/url';

/** Row height in px; .rrow in styles.css matches. */
export const ROUTE_ROW = 30;

function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

const STATE_LABEL: Record<RouteInfo['state'], string> = { ok: 'ok', building: 'building', failed: 'failed', nodejs: 'Node.js' };

const isNode = (r: RouteInfo) => r.runtime === 'nodejs' || r.state === 'nodejs';

function tryIt(r: RouteInfo) {
  const fields = patternFields(r.pattern);
  draft.update((d) => ({
    ...d,
    url: isDynamic(r.pattern) ? buildPath(r.pattern, {}) : r.pattern,
    pattern: isDynamic(r.pattern) ? r.pattern : '',
    params: Object.fromEntries(fields.map((f) => [f.name, ''])),
    query: [],
  }));
  view.set('composer');
}

function openBundle(r: RouteInfo) {
  // The inspector's own search must not hide the route it opens with.
  if (!filterRoutes([r], bundleQuery.get()).length) bundleQuery.set('');
  selectBundle(r.file);
  view.set('bundles');
}

export function RoutesView() {
  const list = useStore(routes);
  const diags = useStore(projectDiagnostics);
  const query = useStore(routeQuery);
  const sel = useStore(selectedRoute);
  const i = useStore(info);
  const now = useNow(5000);
  const entries = useMemo(() => collectDiagnostics(diags, list), [diags, list]);
  const shown = useMemo(() => filterRoutes(list, query), [list, query]);
  const limit = i?.limit ?? 0;
  const edge = useMemo(() => list.filter((r) => r.runtime === 'edge').length, [list]);
  const selIndex = sel ? shown.findIndex((r) => r.file === sel) : -1;
  const [reveal, setReveal] = useState<{ index: number } | undefined>(() => (selIndex >= 0 ? { index: selIndex } : undefined));
  const body = useRef<HTMLDivElement>(null);

  // A new search starts at the top, or at the selected route if it still matches.
  const firstQuery = useRef(true);
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    setReveal({ index: Math.max(0, selIndex) });
  }, [query]);

  const navigate = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      const r = shown[selIndex];
      if (r && !isNode(r)) {
        e.preventDefault();
        tryIt(r);
      }
      return;
    }
    const page = Math.floor((body.current?.querySelector('.vlist')?.clientHeight ?? 0) / ROUTE_ROW);
    const next = stepIndex(selIndex, shown.length, e.key, page - 1);
    if (next === null) return;
    e.preventDefault();
    selectedRoute.set(shown[next].file);
    setReveal({ index: next });
  };

  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input,select,textarea')) return;
    if (e.key === 'Escape' && sel) {
      e.preventDefault();
      selectedRoute.set('');
      return;
    }
    if ((e.target as HTMLElement).closest('button') && e.key === 'Enter') return;
    navigate(e);
  };

  // The list takes its rows' height (a short list leaves the room to the
  // problems below), shrinking to scroll when they do not fit.
  const listHeight = 26 + (shown.length ? shown.length * ROUTE_ROW : 120);
  const stats = `· ${edge} edge · ${list.length - edge} Node.js · match order`;

  return (
    <div class="routes" onKeyDown={onKey}>
      <div class="section-head">
        <h3>Routes</h3>
        <SearchBox
          value={query}
          onInput={(v) => routeQuery.set(v)}
          placeholder="Search pattern or file"
          testid="routes-search"
          shortcut
          onNavigate={navigate}
          onLeave={() => (body.current?.querySelector('.vlist') as HTMLElement | null)?.focus()}
        >
          <span class="muted mono count" data-testid="routes-count" data-shown={shown.length} data-total={list.length}>
            {countLabel(shown.length, list.length, 'route')}
          </span>
        </SearchBox>
        <span class="muted">{stats}</span>
      </div>
      {list.length === 0 ? (
        <Empty title="No API routes found">
          edgeplay looks for <span class="mono">pages/api/**</span> (or <span class="mono">src/pages/api/**</span>) files ending in .js, .jsx, .ts, .tsx or .mjs.
        </Empty>
      ) : (
        <div class="routes-list" ref={body} style={{ flexBasis: `${listHeight}px`, minHeight: `${Math.min(listHeight, 150)}px` }}>
          <div class="rgrid rhead" role="row">
            <span>Pattern</span>
            <span>File</span>
            <span>Runtime</span>
            <span>State</span>
            <span>Size (gzip / raw) against {limit ? formatLimit(limit) : 'the limit'}</span>
            <span>Built</span>
            <span />
          </div>
          <VirtualList<RouteInfo>
            items={shown}
            rowHeight={ROUTE_ROW}
            keyOf={(r) => r.file}
            reveal={reveal}
            class="rbody"
            testid="routes-list"
            empty={
              <Empty title="No route matches the search">
                <button class="btn small" onClick={() => routeQuery.set('')}>
                  Clear the search
                </button>
              </Empty>
            }
            row={(r) => <RouteRow r={r} selected={r.file === sel} query={query} limit={limit} now={now} />}
          />
        </div>
      )}
      <div class="problems scroll" style={{ minHeight: `min(30%, ${40 + Math.max(1, entries.length) * 72}px)` }}>
        <div class="section-head">
          <h3>Problems</h3>
          <span class="muted">{entries.length ? `${entries.filter((e) => e.diag.kind === 'error').length} errors · ${entries.filter((e) => e.diag.kind === 'warning').length} warnings` : 'none'}</span>
        </div>
        {entries.length ? <DiagList entries={entries} /> : <div class="muted pad">No conflicts, build errors or warnings.</div>}
      </div>
    </div>
  );
}

function RouteRow(props: { r: RouteInfo; selected: boolean; query: string; limit: number; now: number }) {
  const { r, limit, now, query } = props;
  const node = isNode(r);
  return (
    <div
      class={`rgrid rrow route-row ${node ? 'node' : ''} st-${r.state} ${props.selected ? 'selected' : ''}`}
      role="row"
      aria-selected={props.selected}
      data-testid="route-row"
      data-pattern={r.pattern}
      data-file={r.file}
      data-state={r.state}
      onClick={() => selectedRoute.set(r.file)}
      onDblClick={(e) => !node && !(e.target as HTMLElement).closest('button') && tryIt(r)}
    >
      <span class="mono strong" title={r.pattern}>
        <Marked text={r.pattern} query={query} />
      </span>
      <span class="mono muted" title={r.file}>
        <Marked text={r.file} query={query} />
      </span>
      <span>
        <span class={`pill ${node ? 'grey' : 'edge'}`}>{node ? 'Node.js' : 'edge'}</span>
      </span>
      {node ? (
        <span class="muted why" title={nodeReason(r)}>
          {nodeReason(r)}
        </span>
      ) : (
        <>
          <span class={`state st-${r.state}`}>
            {r.state === 'building' && <span class="spinner" />}
            {STATE_LABEL[r.state]}
          </span>
          <span>
            {r.build ? (
              <button class="linklike" title="Open in the bundle inspector" onClick={() => openBundle(r)}>
                <SizeBar gzip={r.build.gzip} raw={r.build.raw} limit={r.build.limit || limit} />
              </button>
            ) : (
              <span class="muted">–</span>
            )}
          </span>
        </>
      )}
      <span class="mono muted" title={r.builtAt ? `${r.builtAt}${r.build ? `, took ${formatDuration(r.build.duration)}` : ''}` : undefined}>
        {r.builtAt ? `${formatClock(r.builtAt).slice(0, 8)} · ${formatAgo(r.builtAt, now)}` : '–'}
      </span>
      <span class="row-actions">
        <button class="btn small" onClick={() => tryIt(r)} disabled={node}>
          Compose
        </button>
        <button
          class="btn small"
          onClick={() => {
            trafficFilter.update((f) => ({ ...f, route: r.pattern }));
            view.set('traffic');
          }}
        >
          Traffic
        </button>
      </span>
    </div>
  );
}
