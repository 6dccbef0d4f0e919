// The bundle inspector: per-route size against the limit, treemap of
// modules, why a module is included, change since the previous build.
// The route list, the module lists and the deltas are virtualised and the
// lists searchable: a project can have hundreds of routes, a bundle
// hundreds of modules.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../bridge';
import type { BuildInput, BuildResult, RouteInfo } from '../bridge/types';
import { chainToGroup, groupKeyOf, groupModules, sizeDelta, usage, type DeltaRow, type ModuleGroup } from '../models/bundle';
import { formatBytes, formatDelta, formatDuration, formatLimit } from '../models/format';
import { countLabel, filterGroups, filterModules, filterRoutes, stepIndex } from '../models/search';
import { info } from '../stores/app';
import { bundle, bundleQuery, selectBundle, selectModule } from '../stores/bundles';
import { routes } from '../stores/routes';
import { useStore } from '../stores/store';
import { Empty, SizeBar } from './common';
import { DiagItem } from './Diagnostics';
import { Marked, SearchBox } from './SearchBox';
import { Treemap } from './Treemap';
import { VirtualList } from './VirtualList';

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

/** Row heights in px; .bundle-route, .mrow and .drow in styles.css match. */
export const BUNDLE_ROW = 48;
const MODULE_ROW = 20;

export function BundlesView() {
  const list = useStore(routes);
  const state = useStore(bundle);
  const query = useStore(bundleQuery);
  const i = useStore(info);
  const edge = useMemo(() => list.filter((r) => r.runtime === 'edge' && r.state !== 'nodejs'), [list]);
  const shown = useMemo(() => filterRoutes(edge, query), [edge, query]);
  useEffect(() => {
    if (!state.file && edge.length) {
      const heaviest = [...edge].sort((a, b) => (b.build?.gzip ?? 0) - (a.build?.gzip ?? 0))[0];
      selectBundle(heaviest.file);
    }
  }, [state.file, edge.length]);
  const limit = i?.limit ?? 0;
  const selIndex = state.file ? shown.findIndex((r) => r.file === state.file) : -1;
  const aside = useRef<HTMLElement>(null);

  // Opened on a route (from the Routes view, or back here): scroll to it
  // once it is listed; a new search starts at the top, or at the selection.
  const [reveal, setReveal] = useState<{ index: number } | undefined>(undefined);
  const revealed = useRef('');
  useEffect(() => {
    if (selIndex < 0 || revealed.current === state.file) return;
    revealed.current = state.file;
    setReveal({ index: selIndex });
  }, [state.file, selIndex]);
  const firstQuery = useRef(true);
  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    setReveal({ index: Math.max(0, selIndex) });
  }, [query]);

  const navigate = (e: KeyboardEvent) => {
    const page = Math.floor((aside.current?.querySelector('.vlist')?.clientHeight ?? 0) / BUNDLE_ROW);
    const next = stepIndex(selIndex, shown.length, e.key, page - 1);
    if (next === null) return;
    e.preventDefault();
    revealed.current = shown[next].file;
    selectBundle(shown[next].file);
    setReveal({ index: next });
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input,select,textarea')) return;
    navigate(e);
  };

  return (
    <div class="bundles">
      <aside class="bundle-routes" ref={aside} onKeyDown={onKey}>
        <div class="section-head">
          <h3>Bundles</h3>
          <PlanSelect />
        </div>
        <div class="list-search">
          <SearchBox
            value={query}
            onInput={(v) => bundleQuery.set(v)}
            placeholder="Search routes"
            testid="bundles-search"
            shortcut
            onNavigate={navigate}
            onLeave={() => (aside.current?.querySelector('.vlist') as HTMLElement | null)?.focus()}
          >
            <span class="muted mono count" data-testid="bundles-count" data-shown={shown.length} data-total={edge.length}>
              {countLabel(shown.length, edge.length, 'route')}
            </span>
          </SearchBox>
        </div>
        {edge.length === 0 ? (
          <div class="muted pad">No edge routes.</div>
        ) : (
          <VirtualList<RouteInfo>
            items={shown}
            rowHeight={BUNDLE_ROW}
            keyOf={(r) => r.file}
            reveal={reveal}
            class="bundle-list"
            testid="bundle-list"
            empty={<div class="muted pad">No route matches the search.</div>}
            row={(r) => (
              <button
                class={`bundle-route ${state.file === r.file ? 'selected' : ''}`}
                data-testid="bundle-route"
                data-file={r.file}
                data-pattern={r.pattern}
                title={r.file}
                onClick={() => {
                  revealed.current = r.file;
                  selectBundle(r.file);
                }}
              >
                <span class="bundle-route-top">
                  <span class="mono strong">
                    <Marked text={r.pattern} query={query} />
                  </span>
                  <span class={`state st-${r.state}`}>{r.state === 'ok' ? '' : r.state}</span>
                </span>
                <SizeBar gzip={r.build?.gzip} raw={r.build?.raw} limit={r.build?.limit || limit} />
              </button>
            )}
          />
        )}
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
        <ModulesSide build={current} routeFile={route.file} groups={groups} sel={sel} chain={chain} />
      </div>
      <div class="deltas">
        <h4>
          Change since the previous build{' '}
          {previous ? <span class="muted">(#{previous.id} → #{current.id})</span> : <span class="muted">— this is the first build</span>}
          {deltas.length > 0 && <span class="muted"> · {countLabel(deltas.length, deltas.length, 'module')}</span>}
        </h4>
        {previous && deltas.length === 0 && <div class="muted">No module changed size.</div>}
        {deltas.length > 0 && (
          <>
            <div class="drow dhead mono">
              <span>Module</span>
              <span class="num">Before</span>
              <span class="num">After</span>
              <span class="num">Δ</span>
            </div>
            <VirtualList<DeltaRow>
              items={deltas}
              rowHeight={MODULE_ROW}
              keyOf={(r) => r.path}
              class="delta-list"
              style={{ flexBasis: `${deltas.length * MODULE_ROW}px` }}
              row={(r) => (
                <div class={`drow mono ch-${r.change}`} data-testid="bundle-delta" data-path={r.path} data-delta={r.delta} title={r.path}>
                  <span class="path">
                    {r.path} {r.change !== 'changed' && <span class="pill">{r.change}</span>}
                  </span>
                  <span class="num">{r.before ? formatBytes(r.before) : '–'}</span>
                  <span class="num">{r.after ? formatBytes(r.after) : '–'}</span>
                  <span class={`num ${r.delta > 0 ? 'delta-up' : 'delta-down'}`}>{formatDelta(r.delta)}</span>
                </div>
              )}
            />
          </>
        )}
      </div>
    </div>
  );
}

type SideTab = 'groups' | 'modules';

/**
 * Why the selected group is in the bundle, then every group (heaviest
 * first) or every module, searchable and virtualised: a bundle with zod or
 * hono has hundreds of modules.
 */
function ModulesSide(props: { build: BuildResult; routeFile: string; groups: ModuleGroup[]; sel?: ModuleGroup; chain: string[] }) {
  const { build, groups, sel, chain } = props;
  const inputs = useMemo(() => [...(build.inputs ?? [])].sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)), [build]);
  const [tab, setTab] = useState<SideTab>('groups');
  const [query, setQuery] = useState('');
  // "only <group>": the module list narrowed to the selected group's modules.
  const [only, setOnly] = useState(false);
  const scope = tab === 'modules' && sel && only ? sel.key : '';
  const shownGroups = useMemo(() => filterGroups(groups, query), [groups, query]);
  const shownModules = useMemo(() => filterModules(inputs, query, scope), [inputs, query, scope]);
  const scopeTotal = scope && sel ? sel.modules.length : inputs.length;

  // A group picked in the treemap scrolls into view in the list (its
  // heaviest module in Inputs); a pick in the list is in view already.
  const [reveal, setReveal] = useState<{ index: number } | undefined>(undefined);
  useEffect(() => {
    if (!sel) return;
    const index = tab === 'groups' ? shownGroups.findIndex((g) => g.key === sel.key) : shownModules.findIndex((m) => groupKeyOf(m.path) === sel.key);
    if (index >= 0) setReveal({ index });
  }, [sel?.key, tab]);

  return (
    <div class="inspector-side">
      <div class="why-here scroll">
        <h4>Why is this here?</h4>
        {!sel ? (
          <div class="muted">Click a module in the treemap to see the chain of imports that pulls it in.</div>
        ) : (
          <div data-testid="why-chain" data-target={sel.label}>
            <div class="mono strong">{sel.label}</div>
            <div class="muted mono">
              {formatBytes(sel.bytes)} · {sel.modules.length} {sel.modules.length === 1 ? 'module' : 'modules'}
              {sel.modules.length > 1 && tab !== 'modules' && (
                <>
                  {' · '}
                  <button
                    class="linklike loc"
                    onClick={() => {
                      setOnly(true);
                      setTab('modules');
                    }}
                  >
                    list them
                  </button>
                </>
              )}
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
              <div class="muted">Not reachable from {props.routeFile} through the reported imports (added by the bundler).</div>
            )}
          </div>
        )}
      </div>
      <div class="side-list-head">
        <div class="segs">
          <button class={`seg ${tab === 'groups' ? 'active' : ''}`} data-testid="side-groups" onClick={() => setTab('groups')}>
            Heaviest <span class="muted">{groups.length}</span>
          </button>
          <button class={`seg ${tab === 'modules' ? 'active' : ''}`} data-testid="side-modules" onClick={() => setTab('modules')}>
            Inputs <span class="muted">{inputs.length}</span>
          </button>
        </div>
        <SearchBox value={query} onInput={setQuery} placeholder={tab === 'groups' ? 'Search packages and files' : 'Search module paths'} testid="modules-search">
          <span class="muted mono count" data-testid="modules-count">
            {tab === 'groups' ? countLabel(shownGroups.length, groups.length, 'group') : countLabel(shownModules.length, scopeTotal, 'module')}
          </span>
        </SearchBox>
        {tab === 'modules' && sel && sel.modules.length > 0 && (
          <label class="check" title="Only the modules of the group selected in the treemap">
            <input type="checkbox" data-testid="modules-only" checked={only} onChange={(e) => setOnly((e.currentTarget as HTMLInputElement).checked)} /> only{' '}
            <span class="mono">{sel.label}</span>
          </label>
        )}
      </div>
      {tab === 'groups' ? (
        <VirtualList<ModuleGroup>
          items={shownGroups}
          rowHeight={MODULE_ROW}
          keyOf={(g) => g.key}
          class="module-list"
          testid="group-list"
          reveal={reveal}
          empty={<div class="muted pad">{groups.length ? 'Nothing matches.' : 'The build reported no inputs.'}</div>}
          row={(g) => (
            <div class={`mrow mono clickable ${g.key === sel?.key ? 'selected' : ''}`} data-testid="bundle-group" data-key={g.key} title={`${g.label}\n${g.modules.length} ${g.modules.length === 1 ? 'module' : 'modules'}`} onClick={() => selectModule(g.key)}>
              <span class="path">
                <Marked text={g.label} query={query} />
                {g.modules.length > 1 && <span class="muted"> ×{g.modules.length}</span>}
              </span>
              <span class="num">{formatBytes(g.bytes)}</span>
            </div>
          )}
        />
      ) : (
        <VirtualList<BuildInput>
          items={shownModules}
          rowHeight={MODULE_ROW}
          keyOf={(m) => m.path}
          class="module-list"
          testid="module-list"
          reveal={reveal}
          empty={<div class="muted pad">{inputs.length ? 'Nothing matches.' : 'The build reported no inputs.'}</div>}
          row={(m) => {
            const key = groupKeyOf(m.path);
            return (
              <div class={`mrow mono clickable ${key === sel?.key ? 'selected' : ''}`} data-testid="bundle-module" data-path={m.path} title={m.path} onClick={() => selectModule(key)}>
                <span class="path">
                  <Marked text={m.path} query={query} />
                </span>
                <span class="num">{formatBytes(m.bytes)}</span>
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
