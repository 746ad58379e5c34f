import { h, type Child } from './h.js';

/** The title row at the top of every screen, with optional actions on the right. */
export function pageHeader(title: string, subtitle: string, ...actions: Child[]): HTMLElement {
  return h(
    'header',
    { class: 'page-header' },
    h('div', {}, h('h1', {}, title), h('p', { class: 'muted' }, subtitle)),
    h('div', { class: 'page-actions' }, ...actions),
  );
}
