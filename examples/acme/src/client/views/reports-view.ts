import { h } from '../h.js';
import { pageHeader } from '../page-header.js';
import type { View } from '../view.js';
import type { Workspace } from '../workspace.js';
import { reportsCsv } from './reports-csv.js';

/** `/app/reports`: summary numbers, per-project table, CSV export and the advanced section. */
export const reportsView: View = ({ win, outlet, store, analytics, now }) => {
  const workspace = store.get();
  const tasks = workspace.projects.flatMap((project) => project.tasks);
  const completed = tasks.filter((task) => task.done).length;
  const rate = tasks.length === 0 ? 0 : Math.round((completed / tasks.length) * 100);

  const exportButton = h(
    'button',
    { type: 'button', class: 'btn', 'data-waymark-feature': 'reports.export', 'data-waymark-anchor': 'export-csv-button' },
    'Export CSV',
  );
  exportButton.addEventListener('click', () => {
    const csv = reportsCsv(store.get());
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const link = h('a', { href: url, download: `acme-report-${new Date(now()).toISOString().slice(0, 10)}.csv` });
    link.click();
    win.setTimeout(() => URL.revokeObjectURL(url), 0);
    analytics.track('Report Exported', { format: 'csv', rows: store.get().projects.length });
  });

  outlet.append(
    pageHeader('Reports', 'How work is moving across your projects.', exportButton),
    h(
      'div',
      { class: 'stats' },
      stat('Projects', String(workspace.projects.length)),
      stat('Open tasks', String(tasks.length - completed)),
      stat('Completed tasks', String(completed)),
      stat('Completion rate', `${rate}%`),
    ),
    projectTable(workspace),
    advancedReports(workspace),
  );
  return () => {};
};

function stat(label: string, value: string): HTMLElement {
  return h('div', { class: 'card stat' }, h('span', { class: 'stat-label' }, label), h('strong', { class: 'stat-value' }, value));
}

function projectTable(workspace: Workspace): HTMLElement {
  if (workspace.projects.length === 0) {
    return h(
      'div',
      { class: 'card empty-state' },
      h('h2', {}, 'Nothing to report yet'),
      h('p', { class: 'muted' }, 'Reports fill in as your team creates projects and completes tasks.'),
    );
  }
  return h(
    'table',
    { class: 'card table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Project'), h('th', {}, 'Tasks'), h('th', {}, 'Done'), h('th', {}, 'Open'))),
    h(
      'tbody',
      {},
      ...workspace.projects.map((project) => {
        const done = project.tasks.filter((task) => task.done).length;
        return h('tr', {}, h('td', {}, project.name), h('td', {}, project.tasks.length), h('td', {}, done), h('td', {}, project.tasks.length - done));
      }),
    ),
  );
}

function advancedReports(workspace: Workspace): HTMLElement {
  const bars = workspace.projects.slice(0, 8).map((project) => {
    const done = project.tasks.filter((task) => task.done).length;
    const percent = project.tasks.length === 0 ? 0 : Math.round((done / project.tasks.length) * 100);
    const fill = h('span', { class: 'bar-fill' });
    // CSSOM writes are allowed under `style-src 'self'`; style attributes are not.
    fill.style.width = `${percent}%`;
    return h(
      'li',
      { class: 'bar' },
      h('span', { class: 'bar-label' }, project.name),
      h('span', { class: 'bar-track' }, fill),
      h('span', { class: 'bar-value' }, `${percent}%`),
    );
  });
  const details = h(
    'div',
    { class: 'advanced-details', hidden: true },
    h('p', {}, 'Cycle time: median 2.4 days from task created to done, trending down 12% over the last 4 weeks.'),
  );
  // Locked by Waymark until "Getting started" is done (the gate "reports.advanced"); its own
  // handler below runs untouched once unlocked.
  const openButton = h(
    'button',
    { type: 'button', class: 'btn', 'data-waymark-anchor': 'advanced-reports-open', 'data-waymark-gate': 'reports.advanced', 'aria-expanded': 'false' },
    'Show cycle-time analysis',
  );
  openButton.addEventListener('click', () => {
    details.hidden = !details.hidden;
    openButton.setAttribute('aria-expanded', String(!details.hidden));
  });
  return h(
    'section',
    { class: 'card advanced', 'data-waymark-feature': 'reports.advanced', 'data-waymark-anchor': 'advanced-reports' },
    h('div', { class: 'section-title' }, h('h2', {}, 'Advanced reports'), h('span', { class: 'tag' }, 'Business')),
    h('p', { class: 'muted' }, "Completion by project: share of each project's tasks that are done."),
    bars.length === 0 ? h('p', { class: 'muted empty-line' }, 'No projects yet.') : h('ul', { class: 'bars' }, ...bars),
    openButton,
    details,
  );
}
