/** One step of a new user's way into Acme: the action that takes it, how often, and the event that marks it. */
export interface AcmeStep {
  action: string;
  /** Times the action is done when the step is taken (three tasks make "Add three tasks"). */
  times: number;
  /** The event whose checklist item (if any) this step completes; its guide may be taken first. */
  event: string;
}

/**
 * The order in which users adopt Acme, basic features first (the "Getting started" checklist
 * in waymark.config.ts), then the advanced reports. An archetype's `maxSteps` cuts it short.
 */
export const acmeSteps: readonly AcmeStep[] = [
  { action: 'create-project', times: 1, event: 'Project Created' },
  { action: 'add-task', times: 3, event: 'Task Added' },
  { action: 'invite', times: 2, event: 'Teammate Invited' },
  { action: 'save-settings', times: 1, event: 'Settings Saved' },
  { action: 'export-report', times: 1, event: 'Report Exported' },
  { action: 'advanced-reports', times: 1, event: 'Feature Used' },
];
