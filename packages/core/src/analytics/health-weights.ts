/** The components of the health score, each 0–100 (see `healthComponents`). */
export type HealthComponent = 'activity' | 'seatActivation' | 'breadth' | 'milestones' | 'depth';

/** Relative weight per component; any non-negative numbers (they are renormalised over the components present). */
export type HealthWeights = Readonly<Partial<Record<HealthComponent, number>>>;

/**
 * Default weights: recent activity matters most, then whether the seats bought are used, how much
 * of the product is used and whether milestones land on time, then how often the active users come back.
 */
export const defaultHealthWeights: Readonly<Record<HealthComponent, number>> = {
  activity: 30,
  seatActivation: 20,
  breadth: 15,
  milestones: 20,
  depth: 15,
};
