/** Where an account stands: in its first 90 days (days 0–90) or past them. */
export type OnboardingPhase = 'onboarding' | 'graduated';

/** The account's phase on account day `day` (see `accountDay`): days 0–90 are onboarding, later days graduated. */
export function onboardingPhase(day: number): OnboardingPhase {
  return day <= 90 ? 'onboarding' : 'graduated';
}
