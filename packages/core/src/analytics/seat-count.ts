/**
 * The licensed seats from an account's `seats` trait: a positive number, or a string holding one
 * (`"20"`). Undefined for anything else (missing, zero, negative, not a number).
 */
export function seatCount(trait: unknown): number | undefined {
  const n = typeof trait === 'string' && trait.trim() !== '' ? Number(trait) : trait;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}
