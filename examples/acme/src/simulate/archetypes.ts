/** The kinds of account the simulator mixes into a portfolio. */
export type ArchetypeKey = 'fast-adopter' | 'steady' | 'slow-starter' | 'stalled' | 'seat-underuse' | 'usage-collapse';

/** How one kind of account behaves over its first 90 days. */
export interface Archetype {
  key: ArchetypeKey;
  /** Share of the portfolio (weights, normalised). */
  weight: number;
  /** The account must be at least this old (days) for its shape to show; younger ones become `steady`. */
  minAgeDays: number;
  /** Chance that a user is active on a weekday, by the account's day and days before the end of the history. */
  activity(accountDay: number, daysBeforeNow: number): number;
  /** Chance per active day that a user takes their next onboarding step. */
  progressRate: number;
  /** How many onboarding steps (see `acmeSteps`) users of this kind ever take. */
  maxSteps: number;
  /** Relative team size when users are shared out among accounts. */
  teamWeight: number;
  /** Licensed seats per user, a range. */
  seatsPerUser: readonly [number, number];
  /** Users other than the first join within this many days of day 0. */
  joinWithinDays: number;
  /** Share of users who are identified but never use a core feature. */
  dormantShare: number;
}

// Activity falls off smoothly around a day: 1 well before, 0 well after.
const fade = (day: number, at: number, width: number): number => 1 / (1 + Math.exp((day - at) / width));

/** The archetypes, by key. Activity numbers are per user and weekday; weekends are much quieter. */
export const archetypes: Record<ArchetypeKey, Archetype> = {
  'fast-adopter': {
    key: 'fast-adopter',
    weight: 15,
    minAgeDays: 0,
    activity: () => 0.5,
    progressRate: 0.75,
    maxSteps: 6,
    teamWeight: 1.4,
    seatsPerUser: [1, 1.25],
    joinWithinDays: 10,
    dormantShare: 0.03,
  },
  steady: {
    key: 'steady',
    weight: 30,
    minAgeDays: 0,
    activity: () => 0.33,
    progressRate: 0.35,
    maxSteps: 6,
    teamWeight: 1,
    seatsPerUser: [1.1, 1.5],
    joinWithinDays: 25,
    dormantShare: 0.08,
  },
  'slow-starter': {
    key: 'slow-starter',
    weight: 18,
    minAgeDays: 0,
    activity: (day) => 0.1 + 0.25 * Math.min(1, day / 45),
    progressRate: 0.1,
    maxSteps: 6,
    teamWeight: 0.9,
    seatsPerUser: [1.2, 1.8],
    joinWithinDays: 45,
    dormantShare: 0.15,
  },
  stalled: {
    key: 'stalled',
    weight: 12,
    minAgeDays: 10,
    // Busy in the first days of setup, then close to silence.
    activity: (day) => 0.04 + 0.56 * fade(day, 6, 1.5),
    progressRate: 0.6,
    maxSteps: 2,
    teamWeight: 0.35,
    seatsPerUser: [2, 4],
    joinWithinDays: 5,
    dormantShare: 0.3,
  },
  'seat-underuse': {
    key: 'seat-underuse',
    weight: 12,
    minAgeDays: 0,
    activity: () => 0.38,
    progressRate: 0.4,
    maxSteps: 6,
    teamWeight: 0.5,
    seatsPerUser: [4, 8],
    joinWithinDays: 20,
    dormantShare: 0.4,
  },
  'usage-collapse': {
    key: 'usage-collapse',
    weight: 13,
    minAgeDays: 40,
    // Healthy until about three weeks ago, then down to a trickle over the last two.
    activity: (_day, daysBeforeNow) => 0.04 + 0.42 * (1 - fade(daysBeforeNow, 17, 1.5)),
    progressRate: 0.5,
    maxSteps: 6,
    teamWeight: 1.1,
    seatsPerUser: [1, 1.4],
    joinWithinDays: 15,
    dormantShare: 0.05,
  },
};
