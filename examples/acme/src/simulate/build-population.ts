import { archetypes, type Archetype } from './archetypes.js';
import { createRandom } from './create-random.js';
import { nameParts } from './name-parts.js';
import { pickWeighted } from './pick-weighted.js';
import type { SimAccount, SimUser, SimulationOptions } from './simulation-types.js';
import { timeZones } from './time-zones.js';

const dayMs = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Ids carry the seed, so two runs with different seeds add two populations instead of mixing one. */
export const accountId = (seed: number, index: number) => `sim${seed}-acct-${pad(index + 1, 4)}`;
const userId = (seed: number, index: number) => `sim${seed}-user-${pad(index + 1, 5)}`;

/**
 * The accounts and users of a simulation: archetypes, day 0 spread over the history, team sizes
 * sharing out exactly `options.users`, seats, plan, segment, CSM owner and time zone.
 */
export function buildPopulation(options: SimulationOptions): { accounts: SimAccount[]; users: SimUser[] } {
  const { seed, days, now } = options;
  const random = createRandom(seed, 'population');
  const kinds = Object.values(archetypes);
  const usedNames = new Set<string>();
  const drafts = Array.from({ length: options.accounts }, (_, index) => {
    let archetype: Archetype = pickWeighted(random, kinds, (a) => a.weight);
    if (archetype.minAgeDays >= days) archetype = archetypes.steady;
    const ageDays = random.between(archetype.minAgeDays, days);
    const zone = pickWeighted(random, timeZones, (z) => z.weight);
    // Day 0 during the account's working day, so its first session follows soon after.
    const localMidnight = Math.floor((now - ageDays * dayMs + zone.offsetMinutes * 60_000) / dayMs) * dayMs - zone.offsetMinutes * 60_000;
    // (An account made "today" is made at least a few minutes before the end, so it has a first session.)
    const createdAt = Math.min(now - random.between(5, 90) * 60_000, localMidnight + random.between(8.5, 16) * 3_600_000);
    let name = `${random.pick(nameParts.companyFirst)} ${random.pick(nameParts.companySecond)}`;
    while (usedNames.has(name)) name = `${random.pick(nameParts.companyFirst)} ${random.pick(nameParts.companySecond)} ${random.int(2, 99)}`;
    usedNames.add(name);
    return { index, archetype, createdAt, zone, name, teamWeight: archetype.teamWeight * random.between(0.3, 1.7) ** 2 };
  });

  // Every account gets one user; the rest are shared out by team weight, one draw each.
  const sizes = drafts.map(() => 1);
  for (let i = drafts.length; i < options.users; i++) sizes[pickWeighted(random, drafts, (d) => d.teamWeight).index]! += 1;

  const accounts: SimAccount[] = [];
  const users: SimUser[] = [];
  for (const draft of drafts) {
    const size = sizes[draft.index]!;
    const [low, high] = draft.archetype.seatsPerUser;
    const rawSeats = Math.ceil(size * random.between(low, high));
    const seats = rawSeats <= 10 ? Math.max(rawSeats, 3) : Math.ceil(rawSeats / 5) * 5;
    const segment = seats < 20 ? 'smb' : seats < 100 ? 'mid-market' : 'enterprise';
    const plan =
      segment === 'enterprise'
        ? 'enterprise'
        : segment === 'mid-market'
          ? random.chance(0.8)
            ? 'business'
            : 'enterprise'
          : random.chance(0.7)
            ? 'starter'
            : 'business';
    // Enterprise accounts go to the two senior CSMs; everyone else is pooled.
    const csmOwner = segment === 'enterprise' ? random.pick(nameParts.csmOwners.slice(0, 2)) : random.pick(nameParts.csmOwners);
    const account: SimAccount = {
      id: accountId(seed, draft.index),
      archetype: draft.archetype.key,
      createdAt: draft.createdAt,
      timezone: draft.zone.name,
      utcOffsetMinutes: draft.zone.offsetMinutes,
      traits: {
        name: draft.name,
        createdAt: new Date(draft.createdAt).toISOString(),
        seats,
        plan,
        segment,
        csmOwner,
        timezone: draft.zone.name,
      },
    };
    accounts.push(account);
    const domain = `${slug(draft.name.split(' ')[0] ?? 'acme')}${draft.index + 1}.example`;
    for (let k = 0; k < size; k++) {
      const first = random.pick(nameParts.firstNames);
      const last = random.pick(nameParts.lastNames);
      const role = k === 0 ? 'owner' : k < 3 || random.chance(0.08) ? (random.chance(0.5) ? 'admin' : 'member') : random.chance(0.12) ? 'viewer' : 'member';
      const joinDelay = k === 0 ? 0 : random.next() ** 1.5 * draft.archetype.joinWithinDays * dayMs;
      // Someone who would join after the end of the history has joined by now, in a young account.
      const joinedAt = draft.createdAt + joinDelay < now ? draft.createdAt + joinDelay : draft.createdAt + (now - draft.createdAt) * random.next();
      const index = users.length;
      users.push({
        id: userId(seed, index),
        account,
        joinedAt,
        engagement: random.chance(draft.archetype.dormantShare) && k > 0 ? 0 : Math.max(0.3, random.normal(1, 0.3)),
        traits: {
          name: `${first} ${last}`,
          email: `${slug(first)}.${slug(last)}${index}@${domain}`,
          role,
          createdAt: new Date(joinedAt).toISOString(),
        },
      });
    }
  }
  return { accounts, users };
}
