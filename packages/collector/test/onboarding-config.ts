/** A small onboarding config the config and state tests share (valid; see badConfig for one that is not). */
export const onboardingConfig = {
  version: 1,
  features: [{ key: 'projects.create', name: 'Create a project', tier: 'basic', events: ['Project Created'] }],
  milestones: [
    {
      key: 'activated',
      name: 'Activated',
      scope: 'user',
      targetDay: 7,
      condition: { all: [{ event: 'Project Created' }, { event: 'Task Added', count: { gte: 3 } }] },
    },
    { key: 'team-formed', name: 'Team formed', scope: 'account', targetDay: 14, condition: { event: 'Teammate Invited', scope: 'account', count: { gte: 2 } } },
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
