/** Where an account is in its customer journey (docs/metrics.md#lifecycle-stage). */
export type LifecycleStage = 'onboarding' | 'adopting' | 'adopted' | 'at-risk' | 'graduated';

/** The facts `lifecycleStage` decides on. */
export interface StageFacts {
  /** The account day. */
  day: number;
  /** A risk flag holds (no-activity, went-quiet, usage-drop, few-seats-active) or health is red. */
  atRisk: boolean;
  /** How many of the config's milestones there are, and how many the account has reached. */
  milestones: number;
  reached: number;
  /** The first-value milestone is reached (with none marked firstValue: any milestone; with no milestones: any core use). */
  firstValue: boolean;
}

/**
 * The account's lifecycle stage, first rule that holds:
 * at risk (a risk flag or a red score); graduated (past day 90 with every milestone reached, or
 * with no milestones to reach); adopted (every milestone reached); adopting (first value reached);
 * onboarding (otherwise).
 */
export function lifecycleStage(f: StageFacts): LifecycleStage {
  if (f.atRisk) return 'at-risk';
  const all = f.reached >= f.milestones;
  if (f.day > 90 && all) return 'graduated';
  if (all && f.milestones > 0) return 'adopted';
  return f.firstValue ? 'adopting' : 'onboarding';
}
