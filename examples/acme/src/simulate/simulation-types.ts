import type { ArchetypeKey } from './archetypes.js';

/** What to simulate: a population's size and history, reproducible from `seed` and `now`. */
export interface SimulationOptions {
  seed: number;
  accounts: number;
  users: number;
  /** How many days of history, ending at `now`; accounts start (day 0) spread over them. */
  days: number;
  /** The end of the simulated history (ms since the epoch); events never go past it. */
  now: number;
}

/** A simulated customer company (an Acme account). */
export interface SimAccount {
  id: string;
  archetype: ArchetypeKey;
  /** Day 0, ms since the epoch (its `createdAt` trait). */
  createdAt: number;
  /** The account's time zone and its UTC offset in minutes (standard time; DST is ignored). */
  timezone: string;
  utcOffsetMinutes: number;
  traits: {
    name: string;
    createdAt: string;
    seats: number;
    plan: 'starter' | 'business' | 'enterprise';
    segment: 'smb' | 'mid-market' | 'enterprise';
    csmOwner: string;
    timezone: string;
  };
}

/** A simulated person at an account. */
export interface SimUser {
  id: string;
  account: SimAccount;
  /** When they first use Acme (ms since the epoch); on or after the account's day 0. */
  joinedAt: number;
  /** How much more or less than their account's archetype they use Acme (around 1). */
  engagement: number;
  traits: { name: string; email: string; role: 'owner' | 'admin' | 'member' | 'viewer'; createdAt: string };
}

/** One message as sent in a batch (Segment spec), with its time as a number for sorting. */
export interface SimMessage {
  at: number;
  body: Record<string, unknown> & { type: 'track' | 'identify' | 'group' | 'page'; messageId: string; userId: string };
}
