// An editable name/value table with enable checkboxes; a blank last row adds.

import type { Row } from '../stores/composer';

export function KeyValueTable(props: { rows: Row[]; onChange: (rows: Row[]) => void; namePlaceholder: string; valuePlaceholder: string; list?: string }) {
  const rows = [...props.rows, { name: '', value: '', enabled: true }];
  const set = (i: number, patch: Partial<Row>) => {
    const next = rows.map((r, k) => (k === i ? { ...r, ...patch } : r));
    props.onChange(next.filter((r, k) => k < next.length - 1 || r.name !== '' || r.value !== ''));
  };
  const remove = (i: number) => props.onChange(props.rows.filter((_, k) => k !== i));
  return (
    <table class="kv-edit">
      <tbody>
        {rows.map((r, i) => {
          const extra = i === rows.length - 1;
          return (
            <tr class={r.enabled ? '' : 'off'}>
              <td class="kv-check">
                {!extra && <input type="checkbox" checked={r.enabled} onChange={(e) => set(i, { enabled: (e.currentTarget as HTMLInputElement).checked })} />}
              </td>
              <td>
                <input class="input mono" list={props.list} placeholder={props.namePlaceholder} value={r.name} onInput={(e) => set(i, { name: (e.currentTarget as HTMLInputElement).value })} />
              </td>
              <td>
                <input class="input mono" placeholder={props.valuePlaceholder} value={r.value} onInput={(e) => set(i, { value: (e.currentTarget as HTMLInputElement).value })} />
              </td>
              <td class="kv-del">
                {!extra && (
                  <button class="btn small ghost" title="Remove" onClick={() => remove(i)}>
                    ✕
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
