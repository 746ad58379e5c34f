/**
 * Event names the SDK tracks for guide, checklist and milestone interactions. The collector
 * derives guide positions, dismissals and funnels from them, so both sides use these constants.
 */
export const onboardingEvents = {
  guideStarted: 'Guide Started',
  guideStepViewed: 'Guide Step Viewed',
  guideCompleted: 'Guide Completed',
  guideDismissed: 'Guide Dismissed',
  guideErrored: 'Guide Errored',
  checklistOpened: 'Checklist Opened',
  checklistDismissed: 'Checklist Dismissed',
  checklistItemCompleted: 'Checklist Item Completed',
  checklistCompleted: 'Checklist Completed',
  milestoneReached: 'Milestone Reached',
} as const;

/** One of the onboarding event names. */
export type OnboardingEvent = (typeof onboardingEvents)[keyof typeof onboardingEvents];
