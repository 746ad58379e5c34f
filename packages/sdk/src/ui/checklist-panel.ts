import type { Checklist, ChecklistProgress } from '@waymark/core';
import { h, type VNode } from './h.js';
import { renderMarkdown } from './markdown.js';
import { format, type Strings } from './strings.js';

/** What the checklist launcher and panel show and do. */
export interface ChecklistProps {
  checklist: Checklist;
  progress: ChecklistProgress;
  open: boolean;
  strings: Strings;
  toggle(): void;
  dismiss(): void;
  startGuide(key: string): void;
}

/** A launcher button with the checklist's progress, and the panel of items it opens. */
export function ChecklistPanel({ checklist, progress, open, strings, toggle, dismiss, startGuide }: ChecklistProps): VNode {
  const label = format(strings.launcher, { title: checklist.title, done: progress.done, total: progress.total });
  const panelId = `wm-cl-${checklist.key}`;
  const items = checklist.items.map((item, i) => {
    const done = progress.items[i]?.done === true;
    const cta = done
      ? null
      : item.guide
        ? h('button', { type: 'button', class: 'p', onClick: () => startGuide(item.guide!) }, strings.showMe)
        : item.link
          ? h('a', { href: item.link.url }, item.link.label ?? strings.go)
          : null;
    return h(
      'li',
      { class: done ? 'item done' : 'item', key: item.key },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, done ? '✓' : ''),
      h(
        'div',
        { class: 'body' },
        h('div', { class: 't' }, item.title, h('span', { class: 'sr' }, ` (${done ? strings.done : strings.itemTodo})`)),
        item.description ? h('div', { class: 'd' }, renderMarkdown(item.description)) : null,
        cta ? h('div', { class: 'cta' }, cta) : null,
      ),
    );
  });
  return h(
    'div',
    null,
    h('button', { type: 'button', class: 'launcher', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': panelId, onClick: toggle }, label),
    open
      ? h(
          'section',
          { class: 'panel', id: panelId, role: 'region', 'aria-labelledby': `${panelId}-t` },
          h(
            'div',
            { class: 'head' },
            h('h2', { id: `${panelId}-t` }, checklist.title),
            h('button', { type: 'button', class: 'x', 'aria-label': strings.closeChecklist, onClick: toggle }, '×'),
          ),
          checklist.description ? h('div', { class: 'd' }, renderMarkdown(checklist.description)) : null,
          // Decorative: the launcher's label already says how far along the user is.
          h('div', { class: 'bar', 'aria-hidden': 'true' }, h('i', { style: { width: `${(100 * progress.done) / progress.total}%` } })),
          h('ol', null, items),
          h('div', { class: 'foot' }, h('button', { type: 'button', class: 'link', onClick: dismiss }, strings.dismissChecklist)),
        )
      : null,
  );
}
