// The bundle inspector: per-route size against the limit, treemap of
// modules, why a module is included, change since the previous build.

import { useEffect, useMemo } from 'preact/hooks';
import { api } from '../bridge';
import type { BuildResult, RouteInfo } from '../bridge/types';
import { chainToGroup, groupModules, sizeDelta, usage } from '../models/bundle';
import { formatBytes, formatDelta, formatDuration, formatLimit } from '../models/format';
import { info } from '../stores/app';
import { bundle, selectBundle, selectModule } from '../stores/bundles';
import { routes } from '../stores/routes';
import { useStore } from '../stores/store';
import { Empty, SizeBar } from './common';
import { DiagItem } from './Diagnostics';
import { Treemap } from './Treemap';

export function PlanSelect() {
  const i = useStore(info);
  if (!i) return null;
  const plans = i.plans ?? [];
  const known = plans.some((p) => p.bytes === i.limit);
  return (
    <label class="plan">
      <span class="muted">Limit</span>
      <select
        class="input"
        data-testid="plan-select"
        value={String(i.limit)}
        onChange={(e) => {
          const bytes = Number((e.currentTarget as HTMLSelectElement).value);
          info.set({ ...i, limit: bytes });
          void api.SetLimit(bytes).catch(() => info.set(i));
        }}
      >
        {!known && <option value={String(i.limit)}>custom · {formatLimit(i.limit)}</option>}
        {plans.map((p) => (
          <option value={String(p.bytes)}>
            {p.name} · {formatLimit(p.bytes)} gzip
          </option>
        ))}
      </select>
    </label>
  );
}

export function BundlesView() {
  const list = useStore(routes);
  const state = useStore(bundle);
  const i = useStore(info);
  const edge = list.filter((r) => r.runtime === 'edge' && r.state !== 'nodejs');
  useEffect(() => {
    if (!state.file && edge.length) {
      const heaviest = [...edge].sort((a, b) => (b.build?.gzip ?? 0) - (a.build?.gzip ?? 0))[0];
      selectBundle(heaviest.file);
    }
  }, [state.file, edge.length]);
  const limit = i?.limit ?? 0;

  return (
    <div class="bundles">
      <aside class="bundle-routes scroll">
        <div class="section-head">
          <h3>Bundles</h3>
          <PlanSelect />
        </div>
        {edge.length === 0 && <div class="muted pad">No edge routes.</div>}
        {edge.map((r) => (
          <button class={`bundle-route ${state.file === r.file ? 'selected' : ''}`} data-testid="bundle-route" data-file={r.file} data-pattern={r.pattern} onClick={() => selectBundle(r.file)}>
            <span class="mono strong">{r.pattern}</span>
            <span class={`state st-${r.state}`}>{r.state === 'ok' ? '' : r.state}</span>
            <SizeBar gzip={r.build?.gzip} raw={r.build?.raw} limit={r.build?.limit || limit} />
          </button>
        ))}
      </aside>
      <section class="bundle-main">
        {!state.file ? (
          <Empty title="Pick a route" />
        ) : state.error ? (
          <div class="banner error">Could not load the bundle of {state.file}: {state.error}</div>
        ) : !state.data ? (
          <div class="muted pad">Loading {state.file}…</div>
        ) : (
          <Inspector route={state.data.route} current={state.data.current} previous={state.data.previous} moduleKey={state.module} limit={limit} />
        )}
      </section>
    </div>
  );
}

function Inspector(props: { route: RouteInfo; current?: BuildResult; previous?: BuildResult; moduleKey: string; limit: number }) {
  const { route, current, previous } = props;
  const groups = useMemo(() => groupModules(current?.inputs ?? []), [current]);
  const deltas = useMemo(() => (previous ? sizeDelta(previous.inputs, current?.inputs) : []), [previous, current]);
  const sel = groups.find((g) => g.key === props.moduleKey);
  const chain = useMemo(() => (sel && current ? chainToGroup(current, route.file, sel) : []), [sel, current, route.file]);
  if (!current) {
    return (
      <div class="pad">
        <h3 class="mono">{route.pattern}</h3>
        <div class="muted">{route.state === 'building' ? 'Building…' : 'No successful build yet.'}</div>
        <ul class="diags">{(route.diagnostics ?? []).map((d) => <DiagItem diag={d} route={route.pattern} />)}</ul>
      </div>
    );
  }
  const lim = current.limit || props.limit;
  const u = usage(current.gzip, lim);
  return (
    <div class="inspector">
      <div class="inspector-head">
        <div>
          <span class="mono strong">{route.pattern}</span> <span class="mono muted">{route.file}</span>
        </div>
        <div class="size-summary mono">
          <span>
            gzip <b class={`lvl-${u.level}`}>{formatBytes(current.gzip)}</b> of {formatLimit(lim)} ({(u.ratio * 100).toFixed(1)} %)
          </span>
          <span>raw {formatBytes(current.raw)}</span>
          <span class="muted">build #{current.id} · {formatDuration(current.duration)}</span>
          {previous && (
            <span class={current.gzip > previous.gzip ? 'delta-up' : current.gzip < previous.gzip ? 'delta-down' : 'muted'}>
              {formatDelta(current.gzip - previous.gzip)} gzip, {formatDelta(current.raw - previous.raw)} raw since #{previous.id}
            </span>
          )}
        </div>
        <SizeBar gzip={current.gzip} raw={current.raw} limit={lim} wide />
        {(current.nodeImports?.length ?? 0) > 0 && (
          <div class="banner warn mono">Node.js built-ins imported: {current.nodeImports!.join(', ')}</div>
        )}
      </div>
      <div class="inspector-body">
        <div class="treemap-wrap">
          {groups.length ? <Treemap groups={groups} selected={props.moduleKey} onSelect={selectModule} /> : <div class="muted pad">The build reported no inputs.</div>}
        </div>
        <div class="inspector-side scroll">
          <h4>Why is this here?</h4>
          {!sel ? (
            <div class="muted">Click a module in the treemap to see the chain of imports that pulls it in.</div>
          ) : (
            <div data-testid="why-chain" data-target={sel.label}>
              <div class="mono strong">{sel.label}</div>
              <div class="muted mono">
                {formatBytes(sel.bytes)} · {sel.modules.length} {sel.modules.length === 1 ? 'module' : 'modules'}
              </div>
              {chain.length ? (
                <ol class="chain mono">
                  {chain.map((p, k) => (
                    <li class={k === chain.length - 1 ? 'strong' : ''}>
                      {k > 0 && <span class="muted">imports </span>}
                      {p}
                    </li>
                  ))}
                </ol>
              ) : (
                <div class="muted">Not reachable from {route.file} through the reported imports (added by the bundler).</div>
              )}
              {sel.modules.length > 1 && (
                <table class="grid mono small">
                  <tbody>
                    {sel.modules.slice(0, 50).map((m) => (
                      <tr>
                        <td class="path">{m.path}</td>
                        <td class="num">{formatBytes(m.bytes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
          <h4>Heaviest</h4>
          <table class="grid mono small">
            <tbody>
              {groups.slice(0, 15).map((g) => (
                <tr class={`clickable ${g.key === props.moduleKey ? 'selected' : ''}`} onClick={() => selectModule(g.key)}>
                  <td class="path">{g.label}</td>
                  <td class="num">{formatBytes(g.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div class="deltas scroll">
        <h4>
          Change since the previous build{' '}
          {previous ? <span class="muted">(#{previous.id} → #{current.id})</span> : <span class="muted">— this is the first build</span>}
        </h4>
        {previous && deltas.length === 0 && <div class="muted">No module changed size.</div>}
        {deltas.length > 0 && (
          <table class="grid mono small">
            <thead>
              <tr>
                <th>Module</th>
                <th class="num">Before</th>
                <th class="num">After</th>
                <th class="num">Δ</th>
              </tr>
            </thead>
            <tbody>
              {deltas.map((r) => (
                <tr data-testid="bundle-delta" data-path={r.path} data-delta={r.delta} class={`ch-${r.change}`}>
                  <td class="path">
                    {r.path} {r.change !== 'changed' && <span class="pill">{r.change}</span>}
                  </td>
                  <td class="num">{r.before ? formatBytes(r.before) : '–'}</td>
                  <td class="num">{r.after ? formatBytes(r.after) : '–'}</td>
                  <td class={`num ${r.delta > 0 ? 'delta-up' : 'delta-down'}`}>{formatDelta(r.delta)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
