// Small shared pieces: copy, download, editor links, size bars, tabs.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../bridge';
import { formatBytes } from '../models/format';
import { usage } from '../models/bundle';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // WebKitGTK without clipboard permission, or an insecure context
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function CopyButton(props: { text: () => string | Promise<string>; label?: string; title?: string; testid?: string }) {
  const [state, setState] = useState<'' | 'done' | 'failed'>('');
  const onClick = async () => {
    try {
      const ok = await copyText(await props.text());
      setState(ok ? 'done' : 'failed');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState(''), 1200);
  };
  return (
    <button class="btn small" title={props.title ?? 'Copy'} data-testid={props.testid} onClick={onClick}>
      {state === 'done' ? 'Copied' : state === 'failed' ? 'Copy failed' : (props.label ?? 'Copy')}
    </button>
  );
}

/** A file:line:col that opens in the user's editor. column is 1-based here. */
export function EditorLink(props: { file: string; line: number; column: number; children?: ComponentChildren }) {
  const [err, setErr] = useState('');
  const open = (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
    api.OpenInEditor(props.file, props.line, props.column).then(
      () => setErr(''),
      (x: unknown) => setErr(x instanceof Error ? x.message : String(x)),
    );
  };
  return (
    <a href="#" class="loc" title={err || `Open ${props.file}:${props.line}:${props.column} in the editor`} onClick={open}>
      {props.children ?? `${props.file}:${props.line}:${props.column}`}
      {err && <span class="loc-err"> — {err}</span>}
    </a>
  );
}

/** gzip bytes against the limit: a bar, warning past 80 %, error past 100 %. */
export function SizeBar(props: { raw?: number; gzip?: number; limit: number; wide?: boolean }) {
  if (props.gzip === undefined) return <span class="muted">–</span>;
  const u = usage(props.gzip, props.limit);
  const pct = Math.min(100, u.ratio * 100);
  return (
    <div class={`sizebar ${props.wide ? 'wide' : ''}`} data-level={u.level} title={`${formatBytes(props.gzip)} gzip of ${formatBytes(props.limit)} (${(u.ratio * 100).toFixed(1)} %)${props.raw !== undefined ? `, ${formatBytes(props.raw)} raw` : ''}`}>
      <div class="sizebar-track">
        <div class="sizebar-fill" style={{ width: `${pct}%` }} />
        <div class="sizebar-mark" style={{ left: '80%' }} />
      </div>
      <span class="sizebar-text mono">
        {formatBytes(props.gzip)}
        {props.raw !== undefined && <span class="muted"> / {formatBytes(props.raw)} raw</span>}
      </span>
    </div>
  );
}

export interface Tab<K extends string> {
  key: K;
  label: ComponentChildren;
  hidden?: boolean;
}

export function Tabs<K extends string>(props: { tabs: Tab<K>[]; value: K; onChange: (k: K) => void; right?: ComponentChildren }) {
  return (
    <div class="tabs" role="tablist">
      {props.tabs
        .filter((t) => !t.hidden)
        .map((t) => (
          <button role="tab" aria-selected={t.key === props.value} class={`tab ${t.key === props.value ? 'active' : ''}`} onClick={() => props.onChange(t.key)}>
            {t.label}
          </button>
        ))}
      <span class="grow" />
      {props.right}
    </div>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <div class="empty-title">{props.title}</div>
      {props.children && <div class="empty-body">{props.children}</div>}
    </div>
  );
}

export function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
