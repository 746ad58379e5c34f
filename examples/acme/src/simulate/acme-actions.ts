import type { Random } from './create-random.js';

/** A screen of Acme Projects, as its router reports it with `page(title, { path })`. */
export interface AcmeScreen {
  title: string;
  path: string;
}

/** What a user's actions can read and change: their projects, for ids in paths and properties. */
export interface ActionContext {
  random: Random;
  projects: string[];
  /** The path of the screen the user is on. */
  screen: string;
  nextId(prefix: string): string;
  invites: number;
}

/** A `track` call the app makes. */
export interface TrackCall {
  event: string;
  properties: Record<string, unknown>;
}

/** Something a user does in Acme: where they do it and the calls the app makes for it. */
export interface AcmeAction {
  key: string;
  /** How often it is picked, relative to the others, once unlocked. */
  weight: number;
  /** Onboarding steps a user must have taken before doing this on their own (see `acmeSteps`). */
  afterSteps: number;
  /** The feature it uses: when a gate of that key is locked for the user, trying it is blocked. */
  feature?: string;
  /** Only these roles do it (default: everyone but viewers). */
  roles?: ReadonlyArray<'owner' | 'admin' | 'member' | 'viewer'>;
  screen(context: ActionContext): AcmeScreen;
  calls(context: ActionContext): TrackCall[];
}

// Work on tasks stays in one project for a while, as people do.
const projectScreen = (c: ActionContext): AcmeScreen =>
  c.screen.startsWith('/app/projects/') && c.random.chance(0.9)
    ? { title: 'Project', path: c.screen }
    : { title: 'Project', path: `/app/projects/${c.projects.length > 0 ? c.random.pick(c.projects) : 'new'}` };
const someProject = (c: ActionContext): string =>
  c.screen.startsWith('/app/projects/') ? c.screen.slice('/app/projects/'.length) : c.projects.length > 0 ? c.random.pick(c.projects) : 'p0';
const featureUsed = (feature: string): TrackCall => ({ event: 'Feature Used', properties: { feature } });
// The SDK records a click inside `data-waymark-feature` as Feature Used; about half the clicks
// that lead to a tracked event land inside the tagged element.
const maybeTagged = (c: ActionContext, feature: string, call: TrackCall): TrackCall[] => (c.random.chance(0.5) ? [featureUsed(feature), call] : [call]);

/**
 * What Acme's users do, with the event names and properties its screens really track
 * (examples/acme/src/client/views). Weights make tasks the everyday work and exports occasional.
 */
export const acmeActions: readonly AcmeAction[] = [
  {
    key: 'create-project',
    weight: 5,
    afterSteps: 1,
    screen: () => ({ title: 'Projects', path: '/app/projects' }),
    calls(c) {
      const projectId = c.nextId('p');
      c.projects.push(projectId);
      return maybeTagged(c, 'projects.create', { event: 'Project Created', properties: { projectId } });
    },
  },
  {
    key: 'add-task',
    weight: 40,
    afterSteps: 2,
    screen: projectScreen,
    calls: (c) => [{ event: 'Task Added', properties: { projectId: someProject(c), taskId: c.nextId('t') } }],
  },
  {
    key: 'complete-task',
    weight: 22,
    afterSteps: 2,
    roles: ['owner', 'admin', 'member', 'viewer'],
    screen: projectScreen,
    calls: (c) => [{ event: 'Task Completed', properties: { projectId: someProject(c), taskId: c.nextId('t') } }],
  },
  {
    key: 'rename-project',
    weight: 2,
    afterSteps: 2,
    screen: projectScreen,
    calls: (c) => maybeTagged(c, 'projects.rename', { event: 'Project Renamed', properties: { projectId: someProject(c) } }),
  },
  {
    key: 'invite',
    weight: 3,
    afterSteps: 3,
    roles: ['owner', 'admin'],
    screen: () => ({ title: 'Team', path: '/app/team' }),
    calls(c) {
      c.invites += 1;
      return maybeTagged(c, 'team.invite', {
        event: 'Teammate Invited',
        properties: { role: c.random.chance(0.85) ? 'member' : 'admin', invitedCount: c.invites },
      });
    },
  },
  {
    key: 'save-settings',
    weight: 2,
    afterSteps: 4,
    roles: ['owner', 'admin'],
    screen: () => ({ title: 'Settings', path: '/app/settings' }),
    calls: (c) =>
      maybeTagged(c, 'settings.save', { event: 'Settings Saved', properties: { section: c.random.pick(['workspace', 'profile', 'notifications']) } }),
  },
  {
    key: 'export-report',
    weight: 6,
    afterSteps: 5,
    screen: () => ({ title: 'Reports', path: '/app/reports' }),
    calls: (c) => maybeTagged(c, 'reports.export', { event: 'Report Exported', properties: { format: 'csv', rows: c.projects.length } }),
  },
  {
    key: 'advanced-reports',
    weight: 4,
    afterSteps: 6,
    feature: 'reports.advanced',
    screen: () => ({ title: 'Reports', path: '/app/reports' }),
    calls: () => [featureUsed('reports.advanced')],
  },
  {
    key: 'create-automation',
    weight: 1.5,
    afterSteps: 6,
    feature: 'automations',
    roles: ['owner', 'admin'],
    screen: () => ({ title: 'Automations', path: '/app/automations' }),
    calls: (c) =>
      maybeTagged(c, 'automations', {
        event: 'Automation Created',
        properties: { trigger: c.random.pick(['task.completed', 'task.added', 'project.created']) },
      }),
  },
  {
    key: 'look-around',
    weight: 8,
    afterSteps: 0,
    roles: ['owner', 'admin', 'member', 'viewer'],
    screen: (c) =>
      c.random.pick([
        { title: 'Projects', path: '/app/projects' },
        { title: 'Team', path: '/app/team' },
        { title: 'Reports', path: '/app/reports' },
      ]),
    calls: () => [],
  },
];
