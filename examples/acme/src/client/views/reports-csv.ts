import type { Workspace } from '../workspace.js';

function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The per-project report as CSV (RFC 4180 quoting), one row per project. */
export function reportsCsv(workspace: Workspace): string {
  const rows = workspace.projects.map((project) => {
    const done = project.tasks.filter((task) => task.done).length;
    return [project.name, project.tasks.length, done, project.tasks.length - done, project.createdAt];
  });
  return `${[['project', 'tasks', 'done', 'open', 'created_at'], ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
