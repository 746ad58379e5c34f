import { accountStart } from '@waymark/core';

/** What the summaries read from an account's merged traits. */
export interface AccountProfile {
  /** The account's `name` trait, else its id. */
  name: string;
  /** Day 0: the `createdAt` trait (ISO date or ms) when it is a date, else first seen (ms). */
  startAt: number;
  /** The `timezone` or `timeZone` trait when it names an IANA zone; undefined means UTC. */
  timeZone: string | undefined;
  /** `csmOwner`, else `owner`. */
  owner: string | undefined;
  /** `segment`, else `plan`. */
  segment: string | undefined;
  /** The raw `seats` trait (core's `seatActivation` decides whether it is usable). */
  seats: unknown;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : typeof v === 'number' ? String(v) : undefined;

function validZone(v: unknown): string | undefined {
  if (typeof v !== 'string' || v === '' || v.length > 100) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return v;
  } catch {
    return undefined;
  }
}

/** Reads an account's profile from its traits (as merged by ingest) and when it was first seen. */
export function accountProfile(accountId: string, traits: Record<string, unknown>, firstSeenMs: number): AccountProfile {
  return {
    name: text(traits['name']) ?? accountId,
    startAt: accountStart(traits, firstSeenMs),
    timeZone: validZone(traits['timezone']) ?? validZone(traits['timeZone']),
    owner: text(traits['csmOwner']) ?? text(traits['owner']),
    segment: text(traits['segment']) ?? text(traits['plan']),
    seats: traits['seats'],
  };
}
