import { createId } from '../create-id.js';
import { plural } from '../format.js';
import { h } from '../h.js';
import type { View } from '../view.js';

/** `/app/projects/:id`: rename the project, add and complete tasks. */
export const projectView: View = ({ outlet, params, store, analytics, now }) => {
  const projectId = params.id ?? '';

  function render(focus?: 'task'): void {
    const project = store.get().projects.find((candidate) => candidate.id === projectId);
    if (project === undefined) {
      outlet.replaceChildren(
        h(
          'div',
          { class: 'card empty-state' },
          h('h1', {}, 'Project not found'),
          h('p', { class: 'muted' }, 'It may have been removed, or the link is wrong.'),
          h('a', { href: '/app/projects', class: 'btn' }, 'Back to projects'),
        ),
      );
      return;
    }

    const nameInput = h('input', {
      type: 'text',
      name: 'name',
      value: project.name,
      required: true,
      maxlength: 80,
      'data-waymark-anchor': 'project-name-input',
    });
    const renameForm = h(
      'form',
      { class: 'inline-form' },
      h('label', { class: 'field grow' }, h('span', {}, 'Project name'), nameInput),
      h('button', { type: 'submit', class: 'btn', 'data-waymark-feature': 'projects.rename', 'data-waymark-anchor': 'rename-project-button' }, 'Save name'),
    );
    renameForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = nameInput.value.trim();
      if (name === '' || name === project.name) return;
      store.update((workspace) => {
        const target = workspace.projects.find((candidate) => candidate.id === projectId);
        if (target) target.name = name;
      });
      analytics.track('Project Renamed', { projectId });
      render();
    });

    const taskInput = h('input', {
      type: 'text',
      name: 'title',
      required: true,
      maxlength: 120,
      placeholder: 'What needs doing?',
      autocomplete: 'off',
      'aria-label': 'New task',
      'data-waymark-anchor': 'add-task-input',
    });
    const taskForm = h(
      'form',
      { class: 'inline-form' },
      h('div', { class: 'field grow' }, taskInput),
      h('button', { type: 'submit', class: 'btn btn-primary', 'data-waymark-feature': 'tasks.add', 'data-waymark-anchor': 'add-task-button' }, 'Add task'),
    );
    taskForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const title = taskInput.value.trim();
      if (title === '') return;
      const at = now();
      const taskId = createId('tsk', at, Math.random);
      store.update((workspace) => {
        workspace.projects
          .find((candidate) => candidate.id === projectId)
          ?.tasks.push({ id: taskId, title, done: false, createdAt: new Date(at).toISOString() });
      });
      analytics.track('Task Added', { projectId, taskId });
      render('task');
    });

    const taskItems = project.tasks.map((task) => {
      const checkbox = h('input', { type: 'checkbox', checked: task.done, 'aria-label': `Done: ${task.title}` });
      checkbox.addEventListener('change', () => {
        store.update((workspace) => {
          const target = workspace.projects.find((p) => p.id === projectId)?.tasks.find((t) => t.id === task.id);
          if (target) target.done = checkbox.checked;
        });
        if (checkbox.checked) analytics.track('Task Completed', { projectId, taskId: task.id });
        render();
      });
      return h('li', { class: task.done ? 'task done' : 'task' }, h('label', {}, checkbox, h('span', {}, task.title)));
    });
    const done = project.tasks.filter((task) => task.done).length;

    outlet.replaceChildren(
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/app/projects' }, 'Projects'), ' / ', project.name),
      h(
        'header',
        { class: 'page-header' },
        h('div', {}, h('h1', {}, project.name), h('p', { class: 'muted' }, `${done} of ${plural(project.tasks.length, 'task')} done`)),
      ),
      h('section', { class: 'card' }, h('h2', {}, 'Details'), renameForm),
      h(
        'section',
        { class: 'card', 'data-waymark-anchor': 'task-list' },
        h('h2', {}, 'Tasks'),
        taskForm,
        taskItems.length === 0
          ? h('p', { class: 'muted empty-line' }, 'No tasks yet. Add the first step of this project above.')
          : h('ul', { class: 'task-list' }, ...taskItems),
      ),
    );
    if (focus === 'task') taskInput.focus();
  }

  render();
  return () => {};
};
