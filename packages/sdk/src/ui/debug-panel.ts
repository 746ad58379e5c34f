import type { Explanation } from '@waymark/core';
import type { ComponentChild as Child, h as createElement } from 'preact';
// VNode: the panel's elements carry different props; only the UI chunk's render reads them.
import type { DebugEntry } from './debug-report.js';

/** The UI chunk's `h`, handed over: the debug chunk carries no renderer of its own. */
export type H = typeof createElement;

// Styled through the CSSOM (allowed by a strict CSP), so the UI chunk's stylesheet carries none of it.
const panelStyle = {
  position: 'fixed',
  top: '12px',
  insetInlineStart: '12px',
  zIndex: 6,
  width: 'min(440px, 90vw)',
  maxHeight: '80vh',
  overflow: 'auto',
  background: '#111',
  color: '#eee',
  font: '12px/1.4 monospace',
  padding: '10px',
  borderRadius: '8px',
};
const listStyle = { margin: 0, paddingInlineStart: '1.2em' };
const mark = (ok: boolean) => ({ color: ok ? '#8e8' : '#f99' });

function tree(h: H, e: Explanation): Child {
  return h(
    'li',
    null,
    h('span', { style: mark(e.result) }, e.result ? '✓ ' : '✗ '),
    e.reason,
    e.children?.length
      ? h(
          'ul',
          { style: listStyle },
          e.children.map((c) => tree(h, c)),
        )
      : null,
  );
}

/** The debug panel: each checklist and guide, whether it is showing, and the conditions behind it. */
export function debugPanel(h: H, entries: DebugEntry[], title: string, close: () => void): Child {
  return h(
    'section',
    { class: 'debug', style: panelStyle, role: 'region', 'aria-label': title },
    h('div', { class: 'head' }, h('strong', null, title), h('button', { type: 'button', class: 'x', 'aria-label': 'Close', onClick: close }, '×')),
    entries.map((e) =>
      h(
        'div',
        { key: e.title },
        h(
          'h3',
          { style: { fontSize: '1em', margin: '.5em 0 0' } },
          h('span', { style: mark(e.shown) }, e.shown ? '● ' : '○ '),
          `${e.title}: ${e.shown ? 'showing' : 'not showing'}`,
        ),
        h(
          'ul',
          { style: listStyle },
          e.notes.map((n) => h('li', null, n)),
          e.explanations.map(([label, x]) => h('li', null, `${label}:`, h('ul', { style: listStyle }, tree(h, x)))),
        ),
      ),
    ),
  );
}
