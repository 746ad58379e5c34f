import type { WaymarkConfigInput } from '../src/config/config-schema.js';

/** Acme Projects' onboarding, as a product team would write it: the fixture config tests share. */
export const acmeConfig = {
  $schema: 'https://waymark.dev/schema/config.json',
  version: 1,
  features: [
    { key: 'projects.create', name: 'Create a project', tier: 'basic', events: ['Project Created'] },
    { key: 'team.invite', name: 'Invite teammates', tier: 'basic', events: ['Teammate Invited'] },
    { key: 'tasks.create', name: 'Tasks', tier: 'basic', events: ['Task Created'] },
    { key: 'reports.export', name: 'Export reports', tier: 'advanced', events: ['Report Exported'], description: 'CSV and PDF exports' },
    { key: 'integrations.slack', name: 'Slack integration', tier: 'advanced', events: [] },
  ],
  milestones: [
    {
      key: 'activated',
      name: 'Activated',
      scope: 'user',
      targetDay: 7,
      firstValue: true,
      condition: { all: [{ event: 'Project Created' }, { event: 'Task Created', count: { gte: 3 } }] },
    },
    {
      key: 'team-formed',
      name: 'Team formed',
      scope: 'account',
      targetDay: 14,
      condition: { event: 'Teammate Invited', scope: 'account', count: { gte: 2 } },
    },
    { key: 'onboarded', name: 'Finished getting started', scope: 'user', targetDay: 14, condition: { checklist: 'getting-started' } },
    {
      key: 'power-user',
      name: 'Power user',
      scope: 'user',
      targetDay: 30,
      condition: { all: [{ milestone: 'activated' }, { event: 'Report Exported', count: { gte: 3 }, within: { days: 7 } }] },
    },
  ],
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      description: 'Five steps to your first shipped project',
      audience: { not: { trait: 'role', op: 'eq', value: 'viewer' } },
      items: [
        { key: 'create-project', title: 'Create your first project', done: { event: 'Project Created' }, guide: 'create-project' },
        { key: 'add-tasks', title: 'Add three tasks', done: { event: 'Task Created', count: { gte: 3 } }, guide: 'add-tasks' },
        {
          key: 'invite',
          title: 'Invite a teammate',
          description: 'Projects are better together',
          done: { any: [{ event: 'Teammate Invited' }, { trait: 'seats', scope: 'account', op: 'gte', value: 2 }] },
          guide: 'invite-teammate',
          link: { url: '/settings/team', label: 'Team settings' },
        },
        { key: 'connect-slack', title: 'Connect Slack', done: { event: 'Feature Used:integrations.slack' }, link: { url: 'https://acme.example/docs/slack' } },
        { key: 'export-report', title: 'Export a report', done: { event: 'Report Exported' }, guide: 'export-report' },
      ],
    },
  ],
  guides: [
    {
      key: 'create-project',
      title: 'Create a project',
      steps: [
        { key: 'welcome', title: 'Welcome to Acme', body: 'Let us create your **first project**.' },
        { key: 'new', title: 'New project', body: 'Click here.', target: { anchor: 'new-project' }, advance: 'click', url: '/app/projects' },
        {
          key: 'name',
          title: 'Name it',
          body: 'Give it a name, then save.',
          target: { selector: '#project-name' },
          placement: 'bottom',
          advance: { event: 'Project Created' },
          url: '/app/projects/new',
        },
      ],
    },
    {
      key: 'add-tasks',
      title: 'Add tasks',
      steps: [
        { key: 'add', title: 'Add a task', body: 'Type a task and press Enter.', target: { anchor: 'task-input' }, url: '/app/projects/:id', waitMs: 10_000 },
      ],
    },
    {
      key: 'invite-teammate',
      title: 'Invite a teammate',
      steps: [
        { key: 'open', title: 'Team settings', body: 'Your team lives here.', target: { anchor: 'nav-team' }, advance: 'click', url: '/app/*' },
        {
          key: 'invite',
          title: 'Send an invite',
          body: 'Enter an email address.',
          target: { selector: 'form.invite input[type=email]' },
          url: '/settings/team',
          onMissing: 'end',
        },
      ],
    },
    {
      key: 'export-report',
      title: 'Export a report',
      steps: [{ key: 'export', title: 'Export', body: 'Pick CSV or PDF.', target: { anchor: 'export-button' }, placement: 'left', url: '/app/reports' }],
    },
  ],
  nudges: [],
} satisfies WaymarkConfigInput;
