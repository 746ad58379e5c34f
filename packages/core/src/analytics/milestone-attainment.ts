/** The share of milestones reached by one checkpoint day. */
export interface MilestoneAttainment {
  /** The checkpoint: milestones reached on or before this account day count. */
  day: number;
  reached: number;
  total: number;
  /** `reached / total`; undefined while the checkpoint day is not over yet, or with no milestones. */
  share: number | undefined;
}

/**
 * Milestone attainment by day 7, 14, 30, 60 and 90 (or the given checkpoints): of the milestones
 * (keys), how many were reached (`reachedDays`: key → account day) on or before each checkpoint.
 * A checkpoint is only scored once it is over (`currentDay > day`), so a young account is not
 * read as behind.
 */
export function milestoneAttainment(
  milestones: readonly string[],
  reachedDays: ReadonlyMap<string, number>,
  currentDay: number,
  checkpoints: readonly number[] = [7, 14, 30, 60, 90],
): MilestoneAttainment[] {
  const keys = [...new Set(milestones)];
  return checkpoints.map((day) => {
    const reached = keys.filter((k) => {
      const at = reachedDays.get(k);
      return at !== undefined && at <= day;
    }).length;
    const share = keys.length === 0 || currentDay <= day ? undefined : reached / keys.length;
    return { day, reached, total: keys.length, share };
  });
}
