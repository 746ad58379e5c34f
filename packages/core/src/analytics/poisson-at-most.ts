/**
 * P(X ≤ k) for X ~ Poisson(mean): how likely a count this low (or lower) is by chance when `mean`
 * is expected. Summed in log space, so large means do not underflow before the terms that matter.
 * 1 for a mean of 0 or less.
 */
export function poissonAtMost(k: number, mean: number): number {
  if (!(mean > 0)) return 1;
  if (k < 0) return 0;
  let logTerm = -mean;
  let total = Math.exp(logTerm);
  const logMean = Math.log(mean);
  for (let i = 1; i <= Math.floor(k); i++) {
    logTerm += logMean - Math.log(i);
    total += Math.exp(logTerm);
  }
  return Math.min(1, total);
}
