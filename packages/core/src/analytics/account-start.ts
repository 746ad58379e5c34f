/**
 * When an account started (its day 0), in ms: its `createdAt` trait when that is a date (an ISO
 * string, or ms), else when it was first seen.
 */
export function accountStart(traits: Record<string, unknown>, firstSeenMs: number): number {
  const created = traits['createdAt'];
  const at = typeof created === 'string' ? Date.parse(created) : typeof created === 'number' ? created : Number.NaN;
  return Number.isFinite(at) ? at : firstSeenMs;
}
