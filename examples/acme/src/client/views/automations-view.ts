import { h } from '../h.js';
import { pageHeader } from '../page-header.js';
import type { View } from '../view.js';

/** `/app/automations`: rules that move tasks along by themselves (unlocked after "Getting started"). */
export const automationsView: View = ({ outlet, analytics }) => {
  const list = h('ul', { class: 'card list' }, h('li', { class: 'muted' }, 'No automations yet.'));
  const create = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-primary',
      'data-waymark-feature': 'automations',
      'data-waymark-gate': 'automations',
      'data-waymark-anchor': 'new-automation',
    },
    'New automation',
  );
  create.addEventListener('click', () => {
    list.replaceChildren(h('li', {}, 'When a task is completed, notify the project owner'));
    analytics.track('Automation Created', { trigger: 'task.completed' });
  });
  outlet.append(pageHeader('Automations', 'Let routine work move itself along.', create), list);
  return () => {};
};
