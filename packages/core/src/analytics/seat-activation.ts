import { seatCount } from './seat-count.js';

/**
 * Seat activation: users with at least one core event (ever) divided by the licensed seats (the account's
 * `seats` trait, a positive number or numeric string). Undefined when the seats are missing, zero or
 * not a number. Not capped: more active users than seats gives a ratio above 1.
 */
export function seatActivation(activatedUsers: number, seats: unknown): number | undefined {
  const licensed = seatCount(seats);
  return licensed === undefined ? undefined : activatedUsers / licensed;
}
