import type { Digest, HealthBand } from '@waymark/core';

export type { Digest };

/** One account of the owner's, as the digest reads it. */
export interface DigestAccount {
  accountId: string;
  name: string;
  /** The account's day now; null when unknown. */
  day: number | null;
  /** Health 0–100 and its band; null when not scored yet. */
  health: number | null;
  band: HealthBand | null;
}

/** Everything the digest is built from, plain data (see `readDigestInput`). */
export interface DigestInput {
  owner: string;
  week: DigestWeek;
  accounts: DigestAccount[];
  /** Flags of these accounts raised or cleared in the week (others are ignored). */
  flags: Array<{ accountId: string; flag: string; raisedAt: string; clearedAt: string | null }>;
  /** Milestones of these accounts reached (others in the week are ignored), with the account day reached and the target day. */
  milestones: Array<{ accountId: string; milestone: string; reachedAt: string; day: number | null; targetDay: number | null }>;
  /** Success-plan goals of these accounts with their status now (only overdue ones are kept). */
  goals: Array<{ accountId: string; milestone: string; dueDay: number; owner?: string | undefined; status: string; currentDay: number }>;
  /** Milestone names by key, from the config. */
  milestoneNames: Record<string, string>;
}

/** A week: ISO label (2026-W10) and its bounds, Monday 00:00 UTC inclusive to the next Monday exclusive. */
export interface DigestWeek {
  label: string;
  start: string;
  end: string;
}

type Named = { accountId: string; name: string };

const byName = (a: Named, b: Named) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.accountId < b.accountId ? -1 : 1);
const inWeek = (week: DigestWeek, at: string | null) => at !== null && at >= week.start && at < week.end;

/**
 * Builds an owner's digest for a week: flags raised and cleared in it, the accounts by health
 * band now, milestones reached in it, and success-plan goals overdue now. Pure: only rows that
 * belong to the input's accounts and (for events) fall in the week are counted. Times are ISO
 * strings in UTC, compared as text.
 */
export function buildDigest(input: DigestInput): Digest {
  const accounts = new Map(input.accounts.map((a) => [a.accountId, a]));
  const named = (accountId: string) => ({ accountId, name: accounts.get(accountId)?.name ?? accountId });
  const mine = <T extends { accountId: string }>(rows: T[]) => rows.filter((r) => accounts.has(r.accountId));
  const byTime = <T extends Named & { at: string }>(rows: T[]) => rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : byName(a, b)));

  const health: Digest['health'] = { red: [], yellow: [], green: [], unscored: [] };
  for (const a of input.accounts) health[a.band ?? 'unscored'].push({ accountId: a.accountId, name: a.name, health: a.health, day: a.day });
  for (const list of Object.values(health)) list.sort((a, b) => (a.health ?? -1) - (b.health ?? -1) || byName(a, b));

  const flags = mine(input.flags);
  const flagsRaised = byTime(flags.filter((f) => inWeek(input.week, f.raisedAt)).map((f) => ({ ...named(f.accountId), flag: f.flag, at: f.raisedAt })));
  const flagsCleared = byTime(flags.filter((f) => inWeek(input.week, f.clearedAt)).map((f) => ({ ...named(f.accountId), flag: f.flag, at: f.clearedAt! })));
  const milestonesReached = byTime(
    mine(input.milestones)
      .filter((m) => inWeek(input.week, m.reachedAt))
      .map((m) => ({
        ...named(m.accountId),
        milestone: m.milestone,
        milestoneName: input.milestoneNames[m.milestone] ?? m.milestone,
        at: m.reachedAt,
        day: m.day,
        onTime: m.day === null || m.targetDay === null ? null : m.day <= m.targetDay,
      })),
  );
  const overdueGoals = mine(input.goals)
    .filter((g) => g.status === 'overdue')
    .map((g) => ({
      ...named(g.accountId),
      milestone: g.milestone,
      milestoneName: input.milestoneNames[g.milestone] ?? g.milestone,
      dueDay: g.dueDay,
      daysOverdue: g.currentDay - g.dueDay,
      goalOwner: g.owner ?? null,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byName(a, b));

  return {
    owner: input.owner,
    week: input.week,
    totals: {
      accounts: input.accounts.length,
      red: health.red.length,
      yellow: health.yellow.length,
      green: health.green.length,
      unscored: health.unscored.length,
      flagsRaised: flagsRaised.length,
      flagsCleared: flagsCleared.length,
      milestonesReached: milestonesReached.length,
      overdueGoals: overdueGoals.length,
    },
    health,
    flagsRaised,
    flagsCleared,
    milestonesReached,
    overdueGoals,
  };
}
