// The shell: project picker, navigation, server address, the current
// view, the status bar and the engine console.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../bridge';
import { collectDiagnostics, countErrors } from '../models/diag';
import { formatClock } from '../models/format';
import { reload } from '../events';
import { clearEngineLog, connection, engineLog, info, settings, titleFor, view, type View } from '../stores/app';
import { lastBuiltAt, projectDiagnostics, routes } from '../stores/routes';
import { useStore } from '../stores/store';
import { traffic } from '../stores/traffic';
import { BundlesView } from './BundlesView';
import { CopyButton, errText } from './common';
import { ComposerView, send } from './ComposerView';
import { RoutesView } from './RoutesView';
import { clearAll, TrafficView } from './TrafficView';
import { VirtualList } from './VirtualList';

const NAV: { key: View; label: string }[] = [
  { key: 'routes', label: 'Routes' },
  { key: 'traffic', label: 'Traffic' },
  { key: 'composer', label: 'Composer' },
  { key: 'bundles', label: 'Bundles' },
];

function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac() ? e.metaKey : e.ctrlKey;
      if (!mod || e.altKey || e.shiftKey) return;
      if (e.key === 'Enter' && view.get() === 'composer') {
        e.preventDefault();
        void send();
      } else if (e.key === 'k' || e.key === 'K') {
        e.preventDefault();
        void clearAll();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  const conn = useStore(connection);
  const v = useStore(view);
  const i = useStore(info);
  const s = useStore(settings);
  useShortcuts();

  useEffect(() => {
    document.title = titleFor(i);
  }, [i?.project.name]);
  useEffect(() => {
    const t = s?.theme;
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
    else delete document.documentElement.dataset.theme;
  }, [s?.theme]);

  if (conn.phase === 'unreachable' && !i) return <Unreachable error={conn.error} />;
  if (conn.phase === 'connecting' && !i) {
    return (
      <div class="splash">
        <div class="brand big">edgeplay</div>
        <div class="muted">Connecting…</div>
      </div>
    );
  }
  return (
    <div class="shell">
      <TopBar />
      {conn.phase === 'unreachable' && <div class="banner error">Lost the connection to edgeplay: {conn.error}. Retrying…</div>}
      {conn.link === 'reconnecting' && conn.phase !== 'unreachable' && <div class="banner warn">The event stream dropped; reconnecting…</div>}
      <main class="view">
        {v === 'routes' && <RoutesView />}
        {v === 'traffic' && <TrafficView />}
        {v === 'composer' && <ComposerView />}
        {v === 'bundles' && <BundlesView />}
      </main>
      <StatusBar />
    </div>
  );
}

function Unreachable(props: { error: string }) {
  const token = new URLSearchParams(location.search).get('token');
  return (
    <div class="splash" data-testid="unreachable">
      <div class="brand big">edgeplay</div>
      <h2>Cannot reach edgeplay</h2>
      <p class="mono err-text">{props.error}</p>
      <p class="muted">
        Start it with <span class="mono">edgeplay serve --ui</span> and open the address it prints
        {token ? '' : ' (it carries the session token)'}. This page retries every 2 seconds.
      </p>
      <button class="btn primary" onClick={() => void reload()}>
        Retry now
      </button>
    </div>
  );
}

function TopBar() {
  const v = useStore(view);
  const i = useStore(info);
  const ring = useStore(traffic);
  const list = useStore(routes);
  const diags = useStore(projectDiagnostics);
  const errors = useMemo(() => countErrors(collectDiagnostics(diags, list)), [diags, list]);
  return (
    <header class="topbar">
      <span class="brand">edgeplay</span>
      <ProjectMenu />
      <nav class="nav">
        {NAV.map((n) => (
          <button class={`nav-item ${v === n.key ? 'active' : ''}`} data-testid={`nav-${n.key}`} onClick={() => view.set(n.key)}>
            {n.label}
            {n.key === 'traffic' && ring.size > 0 && <span class="badge">{ring.size}</span>}
            {n.key === 'routes' && errors > 0 && <span class="badge err">{errors}</span>}
          </button>
        ))}
      </nav>
      <span class="grow" />
      {i && (
        <span class="server">
          <a class="mono" data-testid="server-url" href={i.url} target="_blank" rel="noreferrer" title="The engine's server">
            {i.url}
          </a>
          <CopyButton text={() => i.url} title="Copy the server address" />
        </span>
      )}
    </header>
  );
}

function ProjectMenu() {
  const i = useStore(info);
  const s = useStore(settings);
  const conn = useStore(connection);
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [err, setErr] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const openDir = async (dir: string) => {
    if (!dir) return;
    try {
      setErr('');
      const next = await api.OpenProject(dir);
      info.set(next);
      setOpen(false);
      setPath('');
    } catch (e) {
      setErr(errText(e));
    }
  };
  const pick = async () => {
    try {
      const dir = await api.PickProject();
      if (dir) await openDir(dir);
    } catch (e) {
      setErr(errText(e));
    }
  };
  const desktop = conn.transport === 'wails';
  const recent = (s?.recent ?? []).filter((d) => d !== i?.project.dir);
  return (
    <div class="project" ref={ref}>
      <button class="project-btn" onClick={() => setOpen(!open)} title={i?.project.dir} data-testid="project-picker">
        <span class="strong">{i?.project.name ?? '…'}</span>
        {i?.project.sample && <span class="pill">sample</span>}
        <span class="muted">▾</span>
      </button>
      {open && (
        <div class="menu">
          <div class="menu-section mono muted">{i?.project.dir}</div>
          {desktop && (
            <button class="menu-item" onClick={() => void pick()}>
              Open folder…
            </button>
          )}
          <form
            class="menu-path"
            onSubmit={(e) => {
              e.preventDefault();
              void openDir(path.trim());
            }}
          >
            <input class="input mono" placeholder="/path/to/next-project" value={path} onInput={(e) => setPath((e.currentTarget as HTMLInputElement).value)} />
            <button class="btn small" disabled={!path.trim()}>
              Open
            </button>
          </form>
          {recent.length > 0 && <div class="menu-section muted">Recent</div>}
          {recent.map((d) => (
            <button class="menu-item mono" onClick={() => void openDir(d)} title={d}>
              {d}
            </button>
          ))}
          {err && <div class="menu-section err-text">{err}</div>}
        </div>
      )}
    </div>
  );
}

function StatusBar() {
  const i = useStore(info);
  const conn = useStore(connection);
  const list = useStore(routes);
  const diags = useStore(projectDiagnostics);
  const last = useStore(lastBuiltAt);
  const log = useStore(engineLog);
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const entries = useMemo(() => collectDiagnostics(diags, list), [diags, list]);
  const errors = countErrors(entries);
  const building = list.filter((r) => r.state === 'building').length;
  let port = '';
  try {
    port = i ? new URL(i.url).port : '';
  } catch {
    port = '';
  }
  return (
    <>
      {consoleOpen && <EngineConsole onClose={() => setConsoleOpen(false)} />}
      {settingsOpen && <SettingsPanel onClose={() => setSettingsOpen(false)} />}
      <footer class="statusbar mono" data-testid="status-bar">
        <span class={`dot link-${conn.link}`} title={`events: ${conn.link} (${conn.transport ?? '…'})`} />
        <span data-testid="status-port">port {port || '–'}</span>
        <span data-testid="status-routes">{list.length} routes</span>
        <span data-testid="status-build">{building ? `building ${building}…` : last ? `built ${formatClock(last).slice(0, 8)}` : 'not built'}</span>
        <button class={`linklike ${errors ? 'err-text' : ''}`} data-testid="status-errors" onClick={() => view.set('routes')}>
          {errors} {errors === 1 ? 'error' : 'errors'}
        </button>
        <span class="grow" />
        <button class="linklike" onClick={() => setConsoleOpen(!consoleOpen)}>
          console {log.size ? `(${log.size})` : ''}
        </button>
        <button class="linklike" data-testid="settings-open" onClick={() => setSettingsOpen(!settingsOpen)}>
          settings
        </button>
        <span class="muted">{conn.transport === 'wails' ? 'desktop' : 'browser'}</span>
        {i?.version && <span class="muted">v{i.version}</span>}
      </footer>
    </>
  );
}

/** Editor command and theme, saved in the user's settings (not the project). */
function SettingsPanel(props: { onClose: () => void }) {
  const s = useStore(settings);
  const [editor, setEditor] = useState(s?.editor ?? '');
  const [msg, setMsg] = useState('');
  const saveEditor = () =>
    api.SetEditor(editor.trim()).then(
      () => {
        settings.set({ ...(settings.get() ?? { recent: [], lastProject: '', theme: 'system', editor: '' }), editor: editor.trim() });
        setMsg('Saved.');
      },
      (e: unknown) => setMsg(e instanceof Error ? e.message : String(e)),
    );
  const setTheme = (theme: 'system' | 'light' | 'dark') =>
    api.SetTheme(theme).then(
      () => settings.set({ ...(settings.get() ?? { recent: [], lastProject: '', editor: '', theme }), theme }),
      (e: unknown) => setMsg(e instanceof Error ? e.message : String(e)),
    );
  return (
    <div class="engine-console settings-panel" data-testid="settings-panel">
      <div class="detail-bar">
        <span class="strong">Settings</span>
        <span class="grow" />
        <button class="btn small" onClick={props.onClose}>
          Close
        </button>
      </div>
      <div class="pad">
        <label class="field">
          <span>Editor command</span>
          <input
            class="mono"
            data-testid="settings-editor"
            value={editor}
            placeholder="empty: $VISUAL or $EDITOR, then code -g, then the OS default"
            onInput={(e) => setEditor((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => e.key === 'Enter' && void saveEditor()}
          />
          <button class="btn small" onClick={() => void saveEditor()}>
            Save
          </button>
        </label>
        <p class="muted">
          {'{file}'}, {'{line}'} and {'{column}'} are replaced, e.g. <code>code -g {'{file}'}:{'{line}'}:{'{column}'}</code>; without {'{file}'}, known editors get
          their own line flags.
        </p>
        <label class="field">
          <span>Theme</span>
          <select data-testid="settings-theme" value={s?.theme ?? 'system'} onChange={(e) => void setTheme((e.target as HTMLSelectElement).value as 'system' | 'light' | 'dark')}>
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        {msg && <p class="muted">{msg}</p>}
      </div>
    </div>
  );
}

function EngineConsole(props: { onClose: () => void }) {
  const ring = useStore(engineLog);
  const lines = ring.toArray();
  return (
    <div class="engine-console">
      <div class="detail-bar">
        <span class="strong">Console</span>
        <span class="muted">output outside requests and engine messages</span>
        <span class="grow" />
        <button class="btn small" onClick={clearEngineLog}>
          Clear
        </button>
        <button class="btn small" onClick={props.onClose}>
          ✕
        </button>
      </div>
      <VirtualList
        items={lines}
        rowHeight={18}
        keyOf={(l) => l._k}
        stick
        class="console mono"
        empty={<div class="muted pad">Nothing logged yet.</div>}
        row={(l) => (
          <div class={`log-line lvl-${l.level}`}>
            <span class="muted">{formatClock(l.time)}</span>
            <span class="lvl">{l.level}</span>
            {l.route && <span class="muted">{l.route}</span>}
            <span class="log-text">{l.text}</span>
          </div>
        )}
      />
    </div>
  );
}
