import { createId } from '../create-id.js';
import { formatDate, plural } from '../format.js';
import { h } from '../h.js';
import { pageHeader } from '../page-header.js';
import type { View } from '../view.js';

/** `/app/projects`: the project list and the "New project" form. */
export const projectsView: View = ({ outlet, store, analytics, navigate, now }) => {
  const openButton = h(
    'button',
    {
      type: 'button',
      class: 'btn btn-primary',
      'data-waymark-feature': 'projects.create',
      'data-waymark-anchor': 'new-project-button',
    },
    'New project',
  );
  const nameInput = h('input', {
    type: 'text',
    name: 'name',
    required: true,
    maxlength: 80,
    placeholder: 'e.g. Q3 warehouse rollout',
    autocomplete: 'off',
    'data-waymark-anchor': 'new-project-name',
  });
  const form = h(
    'form',
    { class: 'card inline-form', hidden: true, 'data-waymark-anchor': 'new-project-form' },
    h('label', { class: 'field grow' }, h('span', {}, 'Project name'), nameInput),
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-waymark-anchor': 'create-project-submit' }, 'Create project'),
    h('button', { type: 'button', class: 'btn btn-ghost', 'data-action': 'cancel' }, 'Cancel'),
  );

  openButton.addEventListener('click', () => {
    form.hidden = false;
    nameInput.focus();
  });
  form.querySelector('[data-action="cancel"]')?.addEventListener('click', () => {
    form.hidden = true;
    form.reset();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    if (name === '') return;
    const at = now();
    const projectId = createId('prj', at, Math.random);
    store.update((workspace) => {
      workspace.projects.unshift({ id: projectId, name, createdAt: new Date(at).toISOString(), tasks: [] });
    });
    analytics.track('Project Created', { projectId });
    navigate(`/app/projects/${projectId}`);
  });

  const { projects } = store.get();
  const list =
    projects.length === 0
      ? h(
          'div',
          { class: 'card empty-state', 'data-waymark-anchor': 'projects-empty' },
          h('h2', {}, 'No projects yet'),
          h('p', { class: 'muted' }, 'Create your first project to plan work, add tasks and invite your team.'),
        )
      : h(
          'table',
          { class: 'card table', 'data-waymark-anchor': 'projects-table' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Project'), h('th', {}, 'Progress'), h('th', {}, 'Created'))),
          h(
            'tbody',
            {},
            ...projects.map((project) => {
              const done = project.tasks.filter((task) => task.done).length;
              return h(
                'tr',
                {},
                h('td', {}, h('a', { href: `/app/projects/${project.id}`, class: 'strong-link' }, project.name)),
                h('td', { class: 'muted' }, `${done} of ${plural(project.tasks.length, 'task')} done`),
                h('td', { class: 'muted' }, formatDate(project.createdAt)),
              );
            }),
          ),
        );

  outlet.append(pageHeader('Projects', "Plan, track and ship your team's work.", openButton), form, list);
  return () => {};
};
