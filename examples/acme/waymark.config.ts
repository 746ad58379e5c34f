// Acme Projects' onboarding: the "Getting started" checklist, the guides behind its items, and the
// milestones CSMs track. Anchors, routes and event names are the ones the app really uses (see
// README.md). The build checks it with validateConfig and writes dist/waymark.config.json, which
// `waymark push` and `pnpm demo` send to the collector.
import { defineConfig } from '@waymark/core';

export default defineConfig({
  version: 1,
  features: [
    { key: 'projects.create', name: 'Create a project', tier: 'basic', events: ['Project Created'] },
    { key: 'projects.rename', name: 'Rename a project', tier: 'basic', events: ['Project Renamed'] },
    { key: 'tasks.add', name: 'Tasks', tier: 'basic', events: ['Task Added', 'Task Completed'] },
    { key: 'team.invite', name: 'Invite teammates', tier: 'basic', events: ['Teammate Invited'] },
    { key: 'settings.save', name: 'Workspace settings', tier: 'basic', events: ['Settings Saved'] },
    { key: 'reports.export', name: 'Export reports', tier: 'advanced', events: ['Report Exported'], description: 'CSV exports of every project' },
    { key: 'reports.advanced', name: 'Advanced reports', tier: 'advanced', description: 'Cycle-time analysis across projects' },
    { key: 'automations', name: 'Automations', tier: 'advanced', events: ['Automation Created'] },
  ],
  milestones: [
    {
      key: 'activated',
      name: 'Activated',
      description: 'Created a project and planned it with tasks',
      scope: 'user',
      targetDay: 7,
      firstValue: true,
      condition: { all: [{ event: 'Project Created' }, { event: 'Task Added', count: { gte: 3 } }] },
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
        {
          key: 'create-project',
          title: 'Create your first project',
          done: { event: 'Project Created' },
          guide: 'create-project',
          link: { url: '/app/projects', label: 'Projects' },
        },
        {
          key: 'add-tasks',
          title: 'Add three tasks',
          description: 'Break the work down so your team can pick it up',
          done: { event: 'Task Added', count: { gte: 3 } },
          guide: 'add-tasks',
        },
        {
          key: 'invite',
          title: 'Invite a teammate',
          description: 'Projects are better together',
          done: { event: 'Teammate Invited' },
          guide: 'invite-teammate',
          link: { url: '/app/team', label: 'Team' },
        },
        {
          key: 'workspace-settings',
          title: 'Name your workspace',
          done: { event: 'Settings Saved' },
          guide: 'workspace-settings',
          link: { url: '/app/settings#workspace', label: 'Settings' },
        },
        {
          key: 'export-report',
          title: 'Export a report',
          done: { event: 'Report Exported' },
          guide: 'export-report',
          link: { url: '/app/reports', label: 'Reports' },
        },
      ],
    },
  ],
  guides: [
    {
      key: 'create-project',
      title: 'Create a project',
      steps: [
        { key: 'welcome', title: 'Welcome to Acme Projects', body: 'Let us create your **first project**. It takes a minute.', url: '/app/projects' },
        {
          key: 'new',
          title: 'New project',
          body: 'Click **New project**.',
          target: { anchor: 'new-project-button' },
          placement: 'bottom',
          advance: 'click',
          url: '/app/projects',
        },
        {
          key: 'name',
          title: 'Name it',
          body: 'Give it a name, then press **Create project**.',
          target: { anchor: 'new-project-name' },
          placement: 'bottom',
          advance: { event: 'Project Created' },
          url: '/app/projects',
        },
      ],
    },
    {
      key: 'add-tasks',
      title: 'Add tasks',
      steps: [
        {
          key: 'open',
          title: 'Open a project',
          body: 'Pick a project from the list.',
          target: { anchor: 'projects-table' },
          advance: 'click',
          url: '/app/projects',
        },
        {
          key: 'add',
          title: 'Add a task',
          body: 'Type a task and press Enter. Add three to finish this step.',
          target: { anchor: 'add-task-input' },
          placement: 'bottom',
          advance: { event: 'Task Added' },
          url: '/app/projects/:id',
          waitMs: 10_000,
        },
      ],
    },
    {
      key: 'invite-teammate',
      title: 'Invite a teammate',
      steps: [
        { key: 'open', title: 'Your team', body: 'Your team lives here.', target: { anchor: 'nav-team' }, placement: 'right', advance: 'click', url: '/app/*' },
        { key: 'email', title: 'Their email', body: 'Enter a colleague’s work email.', target: { anchor: 'invite-email-input' }, url: '/app/team' },
        {
          key: 'send',
          title: 'Send the invite',
          body: 'They get an email with a link to join.',
          target: { anchor: 'invite-button' },
          advance: { event: 'Teammate Invited' },
          url: '/app/team',
          onMissing: 'end',
        },
      ],
    },
    {
      key: 'workspace-settings',
      title: 'Name your workspace',
      steps: [
        {
          key: 'open',
          title: 'Settings',
          body: 'Workspace settings are here.',
          target: { anchor: 'nav-settings' },
          placement: 'right',
          advance: 'click',
          url: '/app/*',
        },
        {
          key: 'tab',
          title: 'Workspace',
          body: 'Open the **Workspace** tab.',
          target: { anchor: 'settings-tab-workspace' },
          advance: 'click',
          url: '/app/settings',
        },
        {
          key: 'save',
          title: 'Save',
          body: 'Adjust the name if you like, then save.',
          target: { anchor: 'settings-save-workspace' },
          advance: { event: 'Settings Saved' },
          url: '/app/settings',
        },
      ],
    },
    {
      key: 'export-report',
      title: 'Export a report',
      steps: [
        {
          key: 'open',
          title: 'Reports',
          body: 'Reports summarise every project.',
          target: { anchor: 'nav-reports' },
          placement: 'right',
          advance: 'click',
          url: '/app/*',
        },
        {
          key: 'export',
          title: 'Export',
          body: 'Download everything as CSV.',
          target: { anchor: 'export-csv-button' },
          placement: 'left',
          advance: { event: 'Report Exported' },
          url: '/app/reports',
        },
      ],
    },
  ],
  // Advanced features unlock once the basics are done: "Getting started" complete.
  gates: [
    {
      key: 'reports.advanced',
      unlock: { checklist: 'getting-started' },
      locked: 'disable',
      hint: { title: 'Advanced reports unlock after the basics', body: 'Finish **Getting started** and cycle-time analysis opens up.' },
    },
    {
      key: 'automations',
      unlock: { checklist: 'getting-started' },
      locked: 'teaser',
      hint: { title: 'Automations are almost yours', body: 'Rules that move tasks along by themselves. Finish **Getting started** to unlock them.' },
    },
  ],
  // Help for users stuck on an item of "Getting started"; marked stuck for their CSM after 3 days.
  nudges: [
    {
      key: 'first-project',
      kind: 'hotspot',
      for: { checklist: 'getting-started', item: 'create-project' },
      title: 'Start here',
      body: 'Create a project to get going. It takes a minute.',
      escalate: { afterDays: 3 },
    },
    {
      key: 'export-help',
      kind: 'tooltip',
      for: { checklist: 'getting-started', item: 'export-report' },
      title: 'Exporting a report',
      body: 'The **Export CSV** button downloads every project.',
      error: 'Export Failed',
      escalate: { afterDays: 3 },
    },
    {
      key: 'getting-started-help',
      kind: 'toast',
      for: { checklist: 'getting-started' },
      title: 'Need a hand?',
      escalate: { afterDays: 3 },
    },
  ],
});
