/**
 * Event names the SDK tracks for guide, checklist, milestone, gate and nudge interactions. The collector
 * derives guide positions, dismissals and funnels from them, so both sides use these constants.
 */
export const onboardingEvents = {
  /** `{ guide, source? }`: `source` says where the user started it from (`assistant`: the assistant's search). */
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
  /** `{ gate }`: a gate unlocked for the user, tracked once (on the device that saw it first). */
  gateUnlocked: 'Gate Unlocked',
  /** `{ gate }`: the user tried to use a locked feature. */
  gateBlocked: 'Gate Blocked',
  /** `{ checklist, item, reason }`: the SDK noticed the user is stuck on their next item (see `detectStuck`). */
  userStuck: 'User Stuck',
  /** `{ nudge, checklist, item, reason, kind, session }` */
  nudgeShown: 'Nudge Shown',
  /** `{ nudge, checklist, item }`: "Show me how" (or the hotspot) was used. */
  nudgeClicked: 'Nudge Clicked',
  /** `{ nudge, checklist, item }`: never show this nudge again. */
  nudgeDismissed: 'Nudge Dismissed',
  /** `{ nudge, checklist, item, until }`: not before `until` (ms since the epoch). */
  nudgeSnoozed: 'Nudge Snoozed',
  /** `{ experience, kind, key, trigger, session }`: a guide or checklist started by its trigger (`experience` is `kind:key`). */
  experienceStarted: 'Experience Started',
  /** `{ announcement }`: an announcement was shown (by its trigger, or opened in What's new). */
  announcementSeen: 'Announcement Seen',
  /** `{ announcement, action }`: its call to action was used (`action`: guide, url or dismiss). */
  announcementClicked: 'Announcement Clicked',
  /** `{ announcement }`: closed without its call to action; it does not show by itself again. */
  announcementDismissed: 'Announcement Dismissed',
} as const;

/** One of the onboarding event names. */
export type OnboardingEvent = (typeof onboardingEvents)[keyof typeof onboardingEvents];
