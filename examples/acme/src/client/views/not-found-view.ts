import { h } from '../h.js';
import type { View } from '../view.js';

/** Any `/app/*` path without a screen. */
export const notFoundView: View = ({ outlet }) => {
  outlet.append(
    h(
      'div',
      { class: 'card empty-state' },
      h('h1', {}, 'Page not found'),
      h('p', { class: 'muted' }, "We couldn't find that page."),
      h('a', { href: '/app/projects', class: 'btn' }, 'Go to projects'),
    ),
  );
  return () => {};
};
