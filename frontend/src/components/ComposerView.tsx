// The request composer: method, URL with route suggestions and fields for
// dynamic segments, query, headers, body; the response streams in below.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../bridge';
import type { BodyKind } from '../bridge/types';
import { formatBytes, formatClock, parseJson, prettyJson } from '../models/format';
import { patternFields, suggestRoutes } from '../models/url';
import { loadHistory, loadSaved } from '../events';
import {
  applyParam,
  applyPattern,
  applyQuery,
  applyUrl,
  beginSend,
  draft,
  emptyDraft,
  fromRequest,
  history,
  METHODS,
  savedRequests,
  sendFailed,
  sendResolved,
  sent,
  toRequest,
  type Draft,
} from '../stores/composer';
import { routes } from '../stores/routes';
import { useStore } from '../stores/store';
import { findByClient, newestSeq } from '../stores/traffic';
import { bytesToBase64 } from '../models/format';
import { errText, Tabs } from './common';
import { ExchangeView } from './ExchangeView';
import { KeyValueTable } from './KeyValueTable';

const COMMON_HEADERS = ['Accept', 'Accept-Encoding', 'Accept-Language', 'Authorization', 'Cache-Control', 'Content-Type', 'Cookie', 'If-None-Match', 'Origin', 'Referer', 'User-Agent', 'X-Forwarded-For', 'X-Requested-With'];

function patternsOf(): string[] {
  return routes.get().map((r) => r.pattern);
}

/** Sends the current draft (the Send button and Ctrl/Cmd+Enter). */
export async function send(): Promise<void> {
  const d = draft.get();
  const req = toRequest(d);
  if (!req.url) return;
  const id = beginSend(newestSeq());
  try {
    const r = await api.Send(req);
    const after = sent.get()?.after ?? 0;
    sendResolved(id, r.client, findByClient(r.client, after)?.seq ?? null);
    void loadHistory();
  } catch (e) {
    sendFailed(id, errText(e));
  }
}

function update(fn: (d: Draft) => Draft) {
  draft.set(fn(draft.get()));
}

type ReqTab = 'params' | 'headers' | 'body';

export function ComposerView() {
  const d = useStore(draft);
  const routeList = useStore(routes);
  const s = useStore(sent);
  const [tab, setTab] = useState<ReqTab>('params');
  const [showImport, setShowImport] = useState(false);
  const patterns = useMemo(() => routeList.map((r) => r.pattern), [routeList]);
  const fields = d.pattern ? patternFields(d.pattern) : [];
  const activeQuery = d.query.filter((q) => q.enabled).length;
  const activeHeaders = d.headers.filter((h) => h.enabled && h.name).length;

  return (
    <div class="composer">
      <aside class="composer-side">
        <Library />
      </aside>
      <div class="composer-main">
        <div class="request-line">
          <select class="input mono method" data-testid="composer-method" value={d.method} onChange={(e) => update((x) => ({ ...x, method: (e.currentTarget as HTMLSelectElement).value }))}>
            {METHODS.map((m) => (
              <option value={m}>{m}</option>
            ))}
          </select>
          <UrlBox value={d.url} patterns={patterns} onInput={(url) => update((x) => applyUrl(x, url, patternsOf()))} onPick={(p) => update((x) => applyPattern(x, p))} />
          <button class="btn primary" data-testid="composer-send" onClick={() => void send()} disabled={s?.sending} title="Send (Ctrl/Cmd+Enter)">
            {s?.sending ? 'Sending…' : 'Send'}
          </button>
          <button class="btn" onClick={() => setShowImport(!showImport)} title="Import a curl command">
            Import curl
          </button>
          <SaveButton d={d} />
        </div>
        {showImport && <ImportCurl onDone={() => setShowImport(false)} />}
        {fields.length > 0 && (
          <div class="path-fields">
            <span class="muted mono">{d.pattern}</span>
            {fields.map((f) => (
              <label class={`field ${f.required && !(d.params[f.name] ?? '') ? 'missing' : ''}`}>
                <span class="mono">{f.kind === 'param' ? `[${f.name}]` : f.kind === 'catchall' ? `[...${f.name}]` : `[[...${f.name}]]`}</span>
                <input
                  class="input mono"
                  data-testid="composer-param"
                  data-name={f.name}
                  placeholder={f.kind === 'param' ? 'value' : f.kind === 'catchall' ? 'a/b/c (one or more)' : 'a/b (optional)'}
                  value={d.params[f.name] ?? ''}
                  onInput={(e) => update((x) => applyParam(x, f.name, (e.currentTarget as HTMLInputElement).value))}
                />
              </label>
            ))}
          </div>
        )}
        <Tabs<ReqTab>
          value={tab}
          onChange={setTab}
          tabs={[
            { key: 'params', label: activeQuery ? `Query · ${activeQuery}` : 'Query' },
            { key: 'headers', label: activeHeaders ? `Headers · ${activeHeaders}` : 'Headers' },
            { key: 'body', label: d.bodyKind === 'none' ? 'Body' : `Body · ${d.bodyKind}` },
          ]}
        />
        <div class="req-editor">
          {tab === 'params' && <KeyValueTable rows={d.query} onChange={(rows) => update((x) => applyQuery(x, rows))} namePlaceholder="name" valuePlaceholder="value" />}
          {tab === 'headers' && (
            <>
              <KeyValueTable rows={d.headers} onChange={(rows) => update((x) => ({ ...x, headers: rows }))} namePlaceholder="Header" valuePlaceholder="value" list="common-headers" />
              <datalist id="common-headers">
                {COMMON_HEADERS.map((h) => (
                  <option value={h} />
                ))}
              </datalist>
            </>
          )}
          {tab === 'body' && <BodyEditor d={d} />}
        </div>
        <div class="composer-response">
          <Response />
        </div>
      </div>
    </div>
  );
}

function UrlBox(props: { value: string; patterns: string[]; onInput: (v: string) => void; onPick: (p: string) => void }) {
  const [open, setOpen] = useState(false);
  const [hi, setHi] = useState(0);
  const list = useMemo(() => (open ? suggestRoutes(props.patterns, props.value) : []), [open, props.patterns, props.value]);
  const pick = (p: string) => {
    props.onPick(p);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!open || !list.length) {
      if (e.key === 'ArrowDown') setOpen(true);
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setHi((hi + 1) % list.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHi((hi - 1 + list.length) % list.length);
    } else if (e.key === 'Enter' && !(e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      pick(list[Math.min(hi, list.length - 1)]);
    } else if (e.key === 'Escape') setOpen(false);
  };
  return (
    <div class="urlbox">
      <input
        class="input mono"
        data-testid="composer-url"
        spellcheck={false}
        autoComplete="off"
        placeholder="/api/hello or http://127.0.0.1:3000/api/hello"
        value={props.value}
        onInput={(e) => {
          props.onInput((e.currentTarget as HTMLInputElement).value);
          setOpen(true);
          setHi(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {open && list.length > 0 && (
        <ul class="suggest" role="listbox">
          {list.map((p, i) => (
            <li role="option" aria-selected={i === hi} class={`mono ${i === hi ? 'hi' : ''}`} data-testid="composer-suggestion" onMouseDown={(e) => { e.preventDefault(); pick(p); }}>
              {p}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const BODY_KINDS: BodyKind[] = ['none', 'text', 'json', 'form', 'file'];

function BodyEditor(props: { d: Draft }) {
  const { d } = props;
  const json = d.bodyKind === 'json' && d.text.trim() ? parseJson(d.text) : null;
  const onFile = (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!f) return;
    void f.arrayBuffer().then((buf) => {
      update((x) => ({ ...x, file: { name: f.name, type: f.type, size: f.size, base64: bytesToBase64(new Uint8Array(buf)) } }));
    });
  };
  return (
    <div class="body-editor">
      <div class="segs">
        {BODY_KINDS.map((k) => (
          <button class={`seg ${d.bodyKind === k ? 'active' : ''}`} onClick={() => update((x) => ({ ...x, bodyKind: k }))}>
            {k}
          </button>
        ))}
        {json && (
          <span class={json.ok ? 'muted' : 'err-text'}>
            {json.ok ? 'valid JSON' : json.error}
          </span>
        )}
        {d.bodyKind === 'json' && json?.ok && (
          <button class="btn small" onClick={() => update((x) => ({ ...x, text: prettyJson(x.text) }))}>
            Format
          </button>
        )}
      </div>
      {(d.bodyKind === 'text' || d.bodyKind === 'json') && (
        <textarea
          class="input mono body-text"
          spellcheck={false}
          placeholder={d.bodyKind === 'json' ? '{ "name": "value" }' : 'request body'}
          value={d.text}
          onInput={(e) => update((x) => ({ ...x, text: (e.currentTarget as HTMLTextAreaElement).value }))}
        />
      )}
      {d.bodyKind === 'form' && <KeyValueTable rows={d.form} onChange={(rows) => update((x) => ({ ...x, form: rows }))} namePlaceholder="field" valuePlaceholder="value" />}
      {d.bodyKind === 'file' && (
        <div class="pad">
          <input type="file" onChange={onFile} />
          {d.file && (
            <span class="mono muted">
              {' '}
              {d.file.name} · {formatBytes(d.file.size)} · {d.file.type || 'application/octet-stream'}
            </span>
          )}
        </div>
      )}
      {d.bodyKind === 'none' && <div class="muted pad">No body. {['GET', 'HEAD'].includes(d.method) ? '' : `Pick a kind to send one with ${d.method}.`}</div>}
    </div>
  );
}

function Response() {
  const s = useStore(sent);
  const [, tick] = useState(0);
  useEffect(() => {
    if (!s || s.seq !== null || s.sending || s.error) return;
    const t = setTimeout(() => tick((n) => n + 1), 3000);
    return () => clearTimeout(t);
  }, [s]);
  if (!s) return <div class="muted pad">Send a request to see its response here, streamed as it arrives.</div>;
  if (s.error) return <div class="banner error" data-testid="composer-response-status">Send failed: {s.error}</div>;
  if (s.seq !== null) return <ExchangeView seq={s.seq} statusTestid="composer-response-status" bodyTestid="composer-response-body" tabKey="edgeplay.composerTab" />;
  if (s.sending) return <div class="muted pad">Connecting…</div>;
  if (Date.now() - s.at > 3000)
    return (
      <div class="banner warn">
        The request went out from {s.client || 'an unknown address'}, but the engine recorded no exchange for it. Requests to other servers are not captured.
      </div>
    );
  return <div class="muted pad">Waiting for the response…</div>;
}

function SaveButton(props: { d: Draft }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [err, setErr] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);
  const save = async () => {
    const d = draft.get();
    try {
      const r = await api.SaveRequest({ ...toRequest(d, false), id: d.savedId, name: name.trim() || `${d.method} ${d.url}` });
      draft.set({ ...draft.get(), savedId: r.id, name: r.name });
      setEditing(false);
      setErr('');
      void loadSaved();
    } catch (e) {
      setErr(errText(e));
    }
  };
  if (!editing)
    return (
      <button class="btn" onClick={() => { setName(props.d.name || `${props.d.method} ${props.d.url}`); setEditing(true); }}>
        {props.d.savedId ? 'Save…' : 'Save as…'}
      </button>
    );
  return (
    <span class="save-inline">
      <input
        ref={input}
        class="input"
        value={name}
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') setEditing(false);
        }}
      />
      <button class="btn primary small" onClick={() => void save()}>
        Save
      </button>
      {err && <span class="err-text">{err}</span>}
    </span>
  );
}

function ImportCurl(props: { onDone: () => void }) {
  const [cmd, setCmd] = useState('');
  const [err, setErr] = useState('');
  const run = async () => {
    try {
      const r = await api.ImportCurl(cmd);
      const d = fromRequest(r);
      draft.set(applyUrl(d, d.url, patternsOf()));
      setErr('');
      props.onDone();
    } catch (e) {
      setErr(errText(e));
    }
  };
  return (
    <div class="import-curl">
      <textarea
        class="input mono"
        rows={4}
        spellcheck={false}
        placeholder={"curl -X POST http://127.0.0.1:3000/api/echo -H 'content-type: application/json' -d '{\"a\":1}'"}
        value={cmd}
        onInput={(e) => setCmd((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            void run();
          }
        }}
      />
      <div class="row">
        <button class="btn primary small" onClick={() => void run()} disabled={!cmd.trim()}>
          Import
        </button>
        <button class="btn small" onClick={props.onDone}>
          Cancel
        </button>
        {err && <span class="err-text">{err}</span>}
      </div>
    </div>
  );
}

function Library() {
  const saved = useStore(savedRequests);
  const hist = useStore(history);
  const [tab, setTab] = useState<'saved' | 'history'>('saved');
  const open = (d: Draft) => draft.set(applyUrl(d, d.url, patternsOf()));
  return (
    <>
      <Tabs<'saved' | 'history'>
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'saved', label: `Saved · ${saved.length}` },
          { key: 'history', label: `History · ${hist.length}` },
        ]}
        right={
          <button class="btn small ghost" title="New request" onClick={() => draft.set(emptyDraft())}>
            New
          </button>
        }
      />
      <ul class="library scroll">
        {tab === 'saved' &&
          (saved.length ? (
            saved.map((r) => (
              <li class="lib-item" onClick={() => open(fromRequest(r, { savedId: r.id, name: r.name }))} title={`${r.method} ${r.url}`}>
                <div class="lib-name">{r.name}</div>
                <div class="mono muted lib-url">
                  <span class="strong">{r.method}</span> {r.url}
                </div>
                <button
                  class="btn small ghost lib-del"
                  title="Delete"
                  onClick={(e) => {
                    e.stopPropagation();
                    void api.DeleteRequest(r.id).then(loadSaved, () => {});
                  }}
                >
                  ✕
                </button>
              </li>
            ))
          ) : (
            <li class="muted pad">Saved requests live in .edgeplay/requests/ of the project.</li>
          ))}
        {tab === 'history' &&
          (hist.length ? (
            hist.map((h) => (
              <li class="lib-item" onClick={() => open(fromRequest(h))} title={h.time}>
                <div class="mono lib-url">
                  <span class={`status s-${h.status >= 500 ? 'server' : h.status >= 400 ? 'client' : h.status >= 300 ? 'redirect' : h.status ? 'ok' : 'pending'}`}>{h.status || '—'}</span>{' '}
                  <span class="strong">{h.method}</span> {h.url}
                </div>
                <div class="mono muted">{formatClock(h.time)}</div>
              </li>
            ))
          ) : (
            <li class="muted pad">Requests sent from here appear in the history.</li>
          ))}
      </ul>
    </>
  );
}
