/** The components of the health score, each 0–100 (see `healthComponents`). */
export type HealthComponent = 'activity' | 'seats' | 'breadth' | 'milestones' | 'depth';

/** Relative weight per component; any non-negative numbers (they are renormalised over the components present). */
export type HealthWeights = Readonly<Partial<Record<HealthComponent, number>>>;

/**
 * Default weights: recent use against the account's own usual level matters most, then how many of
 * the seats bought are in use, whether milestones land on time, how much of the product is used and
 * how often the active users come back.
 */
export const defaultHealthWeights: Readonly<Record<HealthComponent, number>> = {
  activity: 30,
  seats: 20,
  breadth: 15,
  milestones: 20,
  depth: 15,
};
