/** The basic features the test configs share: projects and tasks. */
export const projectsFeature = { key: 'projects.create', name: 'Create a project', tier: 'basic', events: ['Project Created'] };
export const tasksFeature = { key: 'tasks.add', name: 'Add tasks', tier: 'basic', events: ['Task Added'] };

/** Activated: a project and three tasks, by day 7. */
export const activatedMilestone = {
  key: 'activated',
  name: 'Activated',
  scope: 'user',
  targetDay: 7,
  condition: { all: [{ event: 'Project Created' }, { event: 'Task Added', count: { gte: 3 } }] },
};

/** Team formed: two invites in the account, by day 14. */
export const teamFormedMilestone = {
  key: 'team-formed',
  name: 'Team formed',
  scope: 'account',
  targetDay: 14,
  condition: { event: 'Teammate Invited', scope: 'account', count: { gte: 2 } },
};

/** Power user: activated, then three exports within a week, by day 30. */
export const powerUserMilestone = {
  key: 'power-user',
  name: 'Power user',
  scope: 'user',
  targetDay: 30,
  condition: { all: [{ milestone: 'activated' }, { event: 'Report Exported', count: { gte: 3 }, within: { days: 7 } }] },
};

/** A small onboarding config the config and state tests share (valid; see badConfig for one that is not). */
export const onboardingConfig = {
  version: 1,
  features: [projectsFeature],
  milestones: [
    activatedMilestone,
    teamFormedMilestone,
    { key: 'exported-today', name: 'Exported today', scope: 'user', targetDay: 30, condition: { event: 'Report Exported', within: { hours: 2 } } },
  ],
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      items: [
        { key: 'create-project', title: 'Create a project', done: { event: 'Project Created' }, guide: 'create-project' },
        { key: 'add-tasks', title: 'Add three tasks', done: { event: 'Task Added', count: { gte: 3 } } },
        { key: 'invite', title: 'Invite a teammate', done: { event: 'Teammate Invited' }, guide: 'invite' },
      ],
    },
  ],
  guides: [
    {
      key: 'create-project',
      title: 'Create a project',
      steps: [
        { key: 'new', title: 'New project', body: 'Click here.', target: { anchor: 'new-project-button' }, advance: 'click', url: '/app/projects' },
        {
          key: 'name',
          title: 'Name it',
          body: 'Then save.',
          target: { anchor: 'new-project-name' },
          advance: { event: 'Project Created' },
          url: '/app/projects',
        },
      ],
    },
    {
      key: 'invite',
      title: 'Invite',
      steps: [{ key: 'email', title: 'Email', body: 'Type an address.', target: { anchor: 'invite-email-input' }, url: '/app/team' }],
    },
  ],
};

/** The same config with one broken reference: the third item names a guide that does not exist. */
export function badConfig(): Record<string, unknown> {
  const copy = structuredClone(onboardingConfig);
  copy.checklists[0]!.items[2]!.guide = 'invite-teammate';
  return copy;
}

/** The onboarding config with two gates: advanced reports after "Getting started", automations (a teaser while locked) after activation. */
export const gatedConfig = {
  ...onboardingConfig,
  features: [
    ...onboardingConfig.features,
    { key: 'reports.advanced', name: 'Advanced reports', tier: 'advanced', events: ['Advanced Report Viewed'] },
    { key: 'automations', name: 'Automations', tier: 'advanced', events: ['Automation Created'] },
  ],
  gates: [
    { key: 'reports.advanced', unlock: { checklist: 'getting-started' } },
    { key: 'automations', unlock: { milestone: 'activated' }, locked: 'teaser' },
  ],
};
