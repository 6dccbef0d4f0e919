// Build errors and project diagnostics: file:line:col, the code line and
// a caret under the column; a click opens the editor there.

import { useState } from 'preact/hooks';
import { api } from '../bridge';
import type { Diag, Location } from '../bridge/types';
import { caretLine, locationLabel, type DiagEntry } from '../models/diag';

/** Opens the editor at l; an editor that cannot start says why (onError). */
function open(l: Location, onError: (msg: string) => void) {
  api.OpenInEditor(l.file, l.line || 1, l.column + 1).then(
    () => onError(''),
    (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
  );
}

function CodeFrame(props: { l: Location }) {
  const { l } = props;
  if (!l.lineText) return null;
  const gutter = String(l.line);
  return (
    <pre class="mono codeframe">
      <span class="muted">{gutter} │ </span>
      {l.lineText}
      {'\n'}
      <span class="muted">{' '.repeat(gutter.length)} │ </span>
      <span class="caret">{caretLine(l)}</span>
      {l.suggestion && (
        <>
          {'\n'}
          <span class="muted">{' '.repeat(gutter.length)} │ </span>
          <span class="suggestion">{' '.repeat(l.column)}{l.suggestion}</span>
        </>
      )}
    </pre>
  );
}

export function DiagItem(props: { diag: Diag; route?: string }) {
  const { diag } = props;
  const l = diag.location;
  const [editorErr, setEditorErr] = useState('');
  return (
    <li
      class={`diag k-${diag.kind} ${l ? 'clickable' : ''}`}
      data-testid="route-error"
      data-kind={diag.kind}
      onClick={() => l && open(l, setEditorErr)}
      title={l ? `Open ${locationLabel(l)} in the editor` : undefined}
    >
      <div class="diag-head">
        <span class={`kind k-${diag.kind}`}>{diag.kind}</span>
        {l && <span class="mono loc">{locationLabel(l)}</span>}
        {props.route && <span class="mono muted">{props.route}</span>}
        {diag.id && <span class="mono muted">[{diag.id}]</span>}
      </div>
      <div class="diag-text">{diag.text}</div>
      {l && <CodeFrame l={l} />}
      {diag.notes?.map((n) => (
        <div
          class={`diag-note ${n.location ? 'clickable' : ''}`}
          onClick={(e) => {
            if (!n.location) return;
            e.stopPropagation();
            open(n.location, setEditorErr);
          }}
        >
          <span class="muted">note: </span>
          {n.location && <span class="mono loc">{locationLabel(n.location)} </span>}
          {n.text}
          {n.location && <CodeFrame l={n.location} />}
        </div>
      ))}
      {editorErr && <div class="diag-note err-text">{editorErr}</div>}
    </li>
  );
}

export function DiagList(props: { entries: DiagEntry[] }) {
  return (
    <ul class="diags">
      {props.entries.map((e) => (
        <DiagItem diag={e.diag} route={e.route} />
      ))}
    </ul>
  );
}
