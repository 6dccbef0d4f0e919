// Body viewers: JSON (pretty, collapsible), text, image, hex.

import { useMemo, useState } from 'preact/hooks';
import {
  bodyViewFor,
  bytesToBase64,
  bytesToText,
  formatBytes,
  hexDump,
  jsonSummary,
  parseJson,
  type BodyView,
} from '../models/format';
import { CopyButton } from './common';

export interface BodyViewerProps {
  bytes: Uint8Array;
  contentType: string;
  total: number; // the body's real size (the preview may be shorter)
  testid?: string;
}

const LABELS: Record<BodyView, string> = { json: 'JSON', text: 'Text', image: 'Image', hex: 'Hex' };

export function BodyViewer(props: BodyViewerProps) {
  const auto = useMemo(() => bodyViewFor(props.contentType, props.bytes), [props.contentType, props.bytes]);
  const [chosen, setChosen] = useState<BodyView | null>(null);
  const view = chosen ?? auto;
  const views: BodyView[] = auto === 'image' ? ['image', 'hex'] : auto === 'json' ? ['json', 'text', 'hex'] : ['text', 'hex'];
  const truncated = props.total > props.bytes.length;
  const text = useMemo(() => (view === 'hex' || view === 'image' ? '' : bytesToText(props.bytes)), [props.bytes, view]);

  if (props.total === 0 && props.bytes.length === 0) {
    return (
      <div class="body-viewer" data-testid={props.testid}>
        <div class="muted pad">No body</div>
      </div>
    );
  }
  return (
    <div class="body-viewer" data-testid={props.testid}>
      <div class="body-bar">
        {views.map((v) => (
          <button class={`seg ${v === view ? 'active' : ''}`} onClick={() => setChosen(v)}>
            {LABELS[v]}
          </button>
        ))}
        <span class="muted mono">
          {props.contentType || 'no content-type'} · {formatBytes(props.total)}
          {truncated && ` · showing the first ${formatBytes(props.bytes.length)}`}
        </span>
        <span class="grow" />
        {view !== 'image' && <CopyButton text={() => (view === 'hex' ? hexDump(props.bytes).join('\n') : text)} />}
      </div>
      <div class="body-content">
        {view === 'json' && <JsonView text={text} />}
        {view === 'text' && <pre class="mono text-body">{text}</pre>}
        {view === 'hex' && <pre class="mono hex">{hexDump(props.bytes).join('\n')}</pre>}
        {view === 'image' && <ImageView bytes={props.bytes} type={props.contentType} truncated={truncated} />}
      </div>
    </div>
  );
}

function ImageView(props: { bytes: Uint8Array; type: string; truncated: boolean }) {
  const src = useMemo(() => `data:${props.type.split(';')[0] || 'image/png'};base64,${bytesToBase64(props.bytes)}`, [props.bytes, props.type]);
  const [dims, setDims] = useState('');
  return (
    <div class="image-view">
      <img src={src} alt="response body" onLoad={(e) => {
        const i = e.currentTarget as HTMLImageElement;
        setDims(`${i.naturalWidth} × ${i.naturalHeight}`);
      }} />
      <div class="muted mono">{dims}{props.truncated && ' · preview truncated, the image may be cut'}</div>
    </div>
  );
}

export function JsonView(props: { text: string }) {
  const parsed = useMemo(() => parseJson(props.text), [props.text]);
  if (!parsed.ok) {
    return (
      <div>
        <div class="json-error">Not valid JSON: {parsed.error}</div>
        <pre class="mono text-body">{props.text}</pre>
      </div>
    );
  }
  return (
    <div class="json mono">
      <JsonNode value={parsed.value} depth={0} last />
    </div>
  );
}

const OPEN_DEPTH = 2;
const MAX_CHILDREN = 500; // per expansion step: big arrays page on demand

function JsonNode(props: { name?: string; value: unknown; depth: number; last: boolean }) {
  const { value, depth } = props;
  const isObj = value !== null && typeof value === 'object';
  const size = isObj ? (Array.isArray(value) ? value.length : Object.keys(value as object).length) : 0;
  const [open, setOpen] = useState(depth < OPEN_DEPTH && size <= 200);
  const [shown, setShown] = useState(MAX_CHILDREN);
  const key = props.name !== undefined && <span class="j-key">{JSON.stringify(props.name)}</span>;
  const comma = props.last ? '' : ',';
  if (!isObj || size === 0) {
    return (
      <div class="j-line">
        <span class="j-toggle" />
        {key}
        {key && ': '}
        <JsonScalar value={value} />
        {comma}
      </div>
    );
  }
  const arr = Array.isArray(value);
  const entries: [string | undefined, unknown][] = arr ? (value as unknown[]).map((v) => [undefined, v]) : Object.entries(value as object);
  return (
    <div>
      <div class="j-line clickable" onClick={() => setOpen(!open)}>
        <span class="j-toggle">{open ? '▾' : '▸'}</span>
        {key}
        {key && ': '}
        {open ? (arr ? '[' : '{') : <span class="j-summary">{jsonSummary(value)}</span>}
        {!open && comma}
      </div>
      {open && (
        <div class="j-children">
          {entries.slice(0, shown).map(([k, v], i) => (
            <JsonNode name={k} value={v} depth={depth + 1} last={i === entries.length - 1} />
          ))}
          {entries.length > shown && (
            <button class="btn small" onClick={() => setShown(shown + MAX_CHILDREN)}>
              Show {Math.min(MAX_CHILDREN, entries.length - shown)} more of {entries.length - shown}
            </button>
          )}
        </div>
      )}
      {open && (
        <div class="j-line">
          <span class="j-toggle" />
          {arr ? ']' : '}'}
          {comma}
        </div>
      )}
    </div>
  );
}

function JsonScalar(props: { value: unknown }) {
  const v = props.value;
  if (v === null) return <span class="j-null">null</span>;
  if (Array.isArray(v)) return <span>[]</span>;
  switch (typeof v) {
    case 'string':
      return <span class="j-str">{JSON.stringify(v)}</span>;
    case 'number':
      return <span class="j-num">{String(v)}</span>;
    case 'boolean':
      return <span class="j-bool">{String(v)}</span>;
    case 'object':
      return <span>{'{}'}</span>;
    default:
      return <span>{String(v)}</span>;
  }
}
