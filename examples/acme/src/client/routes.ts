import type { View } from './view.js';
import { automationsView } from './views/automations-view.js';
import { projectView } from './views/project-view.js';
import { projectsView } from './views/projects-view.js';
import { reportsView } from './views/reports-view.js';
import { settingsView } from './views/settings-view.js';
import { teamView } from './views/team-view.js';

/** One client-side screen. */
export interface Route {
  pattern: string;
  title: string;
  /** Which sidebar entry is highlighted (`data-nav` value). */
  nav: string;
  view: View;
}

/** The app's screens, matched in order. */
export const ROUTES: readonly Route[] = [
  { pattern: '/app/projects', title: 'Projects', nav: 'projects', view: projectsView },
  { pattern: '/app/projects/:id', title: 'Project', nav: 'projects', view: projectView },
  { pattern: '/app/team', title: 'Team', nav: 'team', view: teamView },
  { pattern: '/app/reports', title: 'Reports', nav: 'reports', view: reportsView },
  { pattern: '/app/automations', title: 'Automations', nav: 'automations', view: automationsView },
  { pattern: '/app/settings', title: 'Settings', nav: 'settings', view: settingsView },
];
