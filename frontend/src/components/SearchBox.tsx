// A list's search box: Ctrl/Cmd+F or "/" focuses it while it is on screen
// (shortcut), Escape clears it (then leaves it), and the arrow, page and
// Enter keys go to the list (onNavigate) so the selection moves while
// typing. Also the matched stretches of a text, highlighted.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { highlight, isSearchShortcut } from '../models/search';

const FIND_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? '⌘F' : 'Ctrl+F';

function typingIn(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

export function SearchBox(props: {
  value: string;
  onInput: (v: string) => void;
  placeholder: string;
  testid: string;
  shortcut?: boolean; // the view's main search: owns Ctrl/Cmd+F and "/"
  onNavigate?: (e: KeyboardEvent) => void;
  onLeave?: () => void; // Escape on an empty box
  children?: ComponentChildren; // the count, after the box
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!props.shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isSearchShortcut(e, typingIn(e.target))) return;
      const el = ref.current;
      if (!el) return;
      e.preventDefault();
      el.focus();
      el.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props.shortcut]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (props.value) props.onInput('');
      else {
        ref.current?.blur();
        props.onLeave?.();
      }
      return;
    }
    props.onNavigate?.(e);
  };

  return (
    <div class="searchbox">
      <input
        ref={ref}
        class="input mono"
        type="search"
        spellcheck={false}
        autocomplete="off"
        placeholder={props.shortcut ? `${props.placeholder}  (/ or ${FIND_KEY})` : props.placeholder}
        title={props.shortcut ? `/ or ${FIND_KEY} to search, Esc to clear, ↑ ↓ to move through the list` : undefined}
        data-testid={props.testid}
        value={props.value}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      {props.children}
    </div>
  );
}

/** text with the query's matches in <mark>. */
export function Marked(props: { text: string; query: string }) {
  if (!props.query.trim()) return <>{props.text}</>;
  return (
    <>
      {highlight(props.text, props.query).map((p) => (p.hit ? <mark>{p.text}</mark> : p.text))}
    </>
  );
}
