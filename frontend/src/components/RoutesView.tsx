// Every route: pattern, file, runtime, build state, size against the limit,
// last build; then conflicts and build errors.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RouteInfo } from '../bridge/types';
import { collectDiagnostics, nodeReason } from '../models/diag';
import { formatAgo, formatClock, formatDuration, formatLimit } from '../models/format';
import { info, view } from '../stores/app';
import { selectBundle } from '../stores/bundles';
import { draft } from '../stores/composer';
import { projectDiagnostics, routes } from '../stores/routes';
import { useStore } from '../stores/store';
import { trafficFilter } from '../stores/traffic';
import { Empty, SizeBar } from './common';
import { DiagList } from './Diagnostics';
import { buildPath, isDynamic, patternFields } from '../models/url';

function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

const STATE_LABEL: Record<RouteInfo['state'], string> = { ok: 'ok', building: 'building', failed: 'failed', nodejs: 'Node.js' };

export function RoutesView() {
  const list = useStore(routes);
  const diags = useStore(projectDiagnostics);
  const i = useStore(info);
  const now = useNow(5000);
  const entries = useMemo(() => collectDiagnostics(diags, list), [diags, list]);
  const limit = i?.limit ?? 0;
  const edge = list.filter((r) => r.runtime === 'edge').length;

  const tryIt = (r: RouteInfo) => {
    const fields = patternFields(r.pattern);
    draft.update((d) => ({
      ...d,
      url: isDynamic(r.pattern) ? buildPath(r.pattern, {}) : r.pattern,
      pattern: isDynamic(r.pattern) ? r.pattern : '',
      params: Object.fromEntries(fields.map((f) => [f.name, ''])),
      query: [],
    }));
    view.set('composer');
  };

  return (
    <div class="routes scroll">
      <div class="section-head">
        <h3>Routes</h3>
        <span class="muted">
          {list.length} routes · {edge} edge · {list.length - edge} Node.js · match order
        </span>
      </div>
      {list.length === 0 ? (
        <Empty title="No API routes found">
          edgeplay looks for <span class="mono">pages/api/**</span> (or <span class="mono">src/pages/api/**</span>) files ending in .js, .jsx, .ts, .tsx or .mjs.
        </Empty>
      ) : (
        <table class="grid routes-table">
          <thead>
            <tr>
              <th>Pattern</th>
              <th>File</th>
              <th>Runtime</th>
              <th>State</th>
              <th class="size-col">Size (gzip / raw) against {limit ? formatLimit(limit) : 'the limit'}</th>
              <th>Built</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((r) => {
              const node = r.runtime === 'nodejs' || r.state === 'nodejs';
              return (
                <tr class={`route-row ${node ? 'node' : ''} st-${r.state}`} data-testid="route-row" data-pattern={r.pattern} data-state={r.state}>
                  <td class="mono strong">{r.pattern}</td>
                  <td class="mono muted">{r.file}</td>
                  <td>
                    <span class={`pill ${node ? 'grey' : 'edge'}`}>{node ? 'Node.js' : 'edge'}</span>
                  </td>
                  <td>
                    {node ? (
                      <span class="muted why">{nodeReason(r)}</span>
                    ) : (
                      <span class={`state st-${r.state}`}>
                        {r.state === 'building' && <span class="spinner" />}
                        {STATE_LABEL[r.state]}
                      </span>
                    )}
                  </td>
                  <td class="size-col">
                    {!node && r.build ? (
                      <button class="linklike" title="Open in the bundle inspector" onClick={() => { selectBundle(r.file); view.set('bundles'); }}>
                        <SizeBar gzip={r.build.gzip} raw={r.build.raw} limit={r.build.limit || limit} />
                      </button>
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                  <td class="mono muted nowrap" title={r.builtAt ? `${r.builtAt}${r.build ? `, took ${formatDuration(r.build.duration)}` : ''}` : undefined}>
                    {r.builtAt ? `${formatClock(r.builtAt).slice(0, 8)} · ${formatAgo(r.builtAt, now)}` : '–'}
                  </td>
                  <td class="row-actions">
                    <button class="btn small" onClick={() => tryIt(r)} disabled={node}>
                      Compose
                    </button>
                    <button class="btn small" onClick={() => { trafficFilter.update((f) => ({ ...f, route: r.pattern })); view.set('traffic'); }}>
                      Traffic
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div class="section-head">
        <h3>Problems</h3>
        <span class="muted">{entries.length ? `${entries.filter((e) => e.diag.kind === 'error').length} errors · ${entries.filter((e) => e.diag.kind === 'warning').length} warnings` : 'none'}</span>
      </div>
      {entries.length ? <DiagList entries={entries} /> : <div class="muted pad">No conflicts, build errors or warnings.</div>}
    </div>
  );
}
