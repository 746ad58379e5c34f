import { ratio } from './ratio.js';

/** Counts of one guide's funnel, from the onboarding events (distinct users or runs; the caller decides, consistently). */
export interface GuideFunnelCounts {
  /** `Guide Started`. */
  started: number;
  /** `Guide Step Viewed`, per step in guide order. */
  steps: readonly number[];
  /** `Guide Completed`. */
  completed: number;
  /** `Guide Dismissed`. */
  dismissed: number;
  /** `Guide Errored`. */
  errored: number;
}

/** One step of the funnel with its conversion. */
export interface GuideFunnelStep {
  /** 0-based step index. */
  step: number;
  count: number;
  /** `count / started`. */
  fromStart: number | undefined;
  /** `count / ` the previous step's count (the first step: `started`). */
  fromPrevious: number | undefined;
}

/** A guide funnel with conversion ratios; every ratio is undefined when its denominator is 0. */
export interface GuideFunnel extends GuideFunnelCounts {
  stepConversion: GuideFunnelStep[];
  /** `completed / started`. */
  completionRate: number | undefined;
  /** `dismissed / started`. */
  dismissRate: number | undefined;
  /** `errored / started`. */
  errorRate: number | undefined;
}

/** Conversion ratios of a guide funnel: each step from the start and from the step before, and the completed, dismissed and errored rates. */
export function guideFunnel(counts: GuideFunnelCounts): GuideFunnel {
  const { started } = counts;
  const stepConversion = counts.steps.map((count, step) => ({
    step,
    count,
    fromStart: ratio(count, started),
    fromPrevious: ratio(count, step === 0 ? started : counts.steps[step - 1]!),
  }));
  return {
    ...counts,
    stepConversion,
    completionRate: ratio(counts.completed, started),
    dismissRate: ratio(counts.dismissed, started),
    errorRate: ratio(counts.errored, started),
  };
}
