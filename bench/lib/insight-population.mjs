// A labelled population of customer accounts for the early-warning benchmark (bench/insight.mjs):
// who each account is (kind, onset of its trouble, seats, users, work week, time zone) and, from
// that, the Segment messages its history sends, ending now. Everything is drawn from `seed`.
import { seededRandom } from './message-factory.mjs';
import { insightFeatures } from './insight-config.mjs';
import { localDateNumber, zoneOffsetMs } from './zone-date.mjs';

/** The account kinds, with their share of the population; at-risk kinds have an onset day. */
export const insightKinds = [
  { kind: 'healthy', share: 0.25, atRisk: false },
  { kind: 'slow-starter', share: 0.15, atRisk: false },
  { kind: 'went-silent', share: 0.15, atRisk: true },
  { kind: 'collapsed', share: 0.15, atRisk: true },
  { kind: 'seats-unused', share: 0.15, atRisk: true },
  { kind: 'never-started', share: 0.15, atRisk: true },
];

const dayMs = 86_400_000;
const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles', 'Australia/Sydney'];
const workFeatures = insightFeatures.filter((f) => f.tier === 'basic' && f.key !== 'team');
const advancedFeatures = insightFeatures.filter((f) => f.tier === 'advanced');
const byKey = new Map(insightFeatures.map((f) => [f.key, f]));

/** Helpers over one random stream. */
function draw(random) {
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const between = (lo, hi) => lo + random() * (hi - lo);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const shuffle = (list) => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return { random, int, between, pick, normal, shuffle };
}

/** Seats skewed small: most 3–15, a few 1–2, a tail up to 60 (`min` raises the floor). */
function drawSeats(d, min = 1) {
  const r = d.random();
  const seats = r < 0.12 ? d.int(1, 2) : r < 0.82 ? d.int(3, 15) : Math.round(Math.exp(d.between(Math.log(16), Math.log(60))));
  return Math.max(min, seats);
}

/** One user: how often they come back, from when, and which basic features they use. */
function drawUser(d, index, joinDay) {
  const type = index === 0 ? d.pick(['power', 'regular']) : d.pick(['power', 'regular', 'regular', 'occasional', 'occasional']);
  const p = type === 'power' ? d.between(0.8, 0.95) : type === 'regular' ? d.between(0.45, 0.75) : d.between(0.12, 0.3);
  const features = d
    .shuffle(workFeatures)
    .slice(0, d.int(3, 5))
    .map((f) => f.key);
  return { index, type, p, joinDay, features, advanced: d.random() < 0.7 ? d.pick(advancedFeatures).key : undefined };
}

/** The age (current account day) range of a kind: at-risk accounts have at least 10 days after onset. */
const minAge = { healthy: 20, 'slow-starter': 45, 'went-silent': 20, collapsed: 31, 'seats-unused': 40, 'never-started': 20 };

/** Draws account `index` of kind `kind` (`scenario` pins a collapse described in the README). */
function drawAccount(seed, index, kind, scenario) {
  const d = draw(seededRandom(seed * 1_000_003 + index * 7919 + 1));
  const age = Math.max(minAge[kind], scenario?.minAge ?? 0, d.int(minAge[kind], 120));
  const seats = scenario?.seats ?? (kind === 'seats-unused' ? drawSeats(d, 8) : drawSeats(d));
  let users = d.random() < 0.12 ? seats + d.int(1, 3) : Math.max(1, Math.round(seats * d.between(0.6, 1)));
  if (kind === 'seats-unused') users = Math.max(1, Math.round(seats * d.between(0.1, 0.3)));
  if (kind === 'never-started') users = Math.max(1, Math.round(seats * d.between(0.3, 1)));
  if (scenario?.users) users = scenario.users;
  const ramp = d.int(5, 14);
  const slowUntil = kind === 'slow-starter' ? d.int(14, 21) : 0;
  // A slow starter's second user may come early, uninvited; the rest join as it recovers.
  const slowJoin = (i) => (i === 1 && d.random() < 0.5 ? d.int(0, 7) : slowUntil + d.int(0, ramp));
  const joinDay = (i) => (i === 0 ? 0 : kind === 'slow-starter' ? slowJoin(i) : d.int(1, ramp));
  const account = {
    accountId: `s${seed}-a${String(index).padStart(3, '0')}`,
    seed,
    index,
    kind,
    atRisk: insightKinds.find((k) => k.kind === kind).atRisk,
    onset: undefined,
    age,
    seats,
    timeZone: d.random() < 0.85 ? 'UTC' : d.pick(zones),
    pattern: d.pick(['workweek', 'workweek', 'workweek', 'everyday', 'irregular']),
    noise: d.between(0.05, 0.3),
    startHour: d.between(8, 11),
    advancedFrom: slowUntil + d.int(4, 20),
    slowUntil,
    users: Array.from({ length: users }, (_, i) => drawUser(d, i, joinDay(i))),
    pages: kind === 'never-started' && d.random() < 0.5,
  };
  if (kind === 'went-silent') account.onset = d.int(8, age - 10);
  if (kind === 'collapsed') account.onset = scenario?.onset ?? d.int(21, Math.min(70, age - 10));
  if (kind === 'seats-unused') account.onset = 30;
  if (kind === 'never-started') account.onset = 0;
  if (kind === 'collapsed') {
    // After onset only `kept` users stay, each at `keptRate` of their usual days: `ratio` of the usual level.
    const ratio = scenario?.ratio ?? d.between(0.1, 0.35);
    const joined = account.users.filter((u) => u.joinDay < account.onset);
    const level = joined.reduce((s, u) => s + u.p, 0);
    const kept = [];
    for (const u of d.shuffle(joined)) {
      if (kept.length >= (scenario?.kept ?? Infinity) || kept.reduce((s, k) => s + k.p, 0) >= ratio * level) break;
      kept.push(u);
    }
    account.kept = new Set(kept.map((u) => u.index));
    account.keptRate = Math.min(1, (ratio * level) / kept.reduce((s, k) => s + k.p, 0));
  }
  return account;
}

/** The two collapses the brief names: 5 seats then one user a day or two a week; 25 seats, ~15 weekly actives until day 62, then ~5. */
const scenarios = [
  { seats: 5, users: 5, onset: 20, kept: 1, ratio: 0.1, minAge: 40 },
  { seats: 25, users: 18, onset: 62, kept: 5, ratio: 0.3, minAge: 80 },
];

/**
 * The population of `seed`: `accounts` accounts in the kinds' shares (healthy takes the rounding),
 * in a shuffled order. Each account's history ends at `now`. Returns the accounts (labels and
 * parameters); `populationMessages` turns them into messages.
 */
export function generatePopulation({ seed, accounts = 150, now = Date.now() }) {
  const counts = insightKinds.map((k) => Math.round(k.share * accounts));
  counts[0] += accounts - counts.reduce((a, b) => a + b, 0);
  const kinds = draw(seededRandom(seed)).shuffle(insightKinds.flatMap((k, i) => new Array(Math.max(0, counts[i])).fill(k.kind)));
  let collapses = 0;
  const list = kinds.map((kind, index) => drawAccount(seed, index, kind, kind === 'collapsed' ? scenarios[collapses++] : undefined));
  for (const a of list) {
    const startDate = localDateNumber(now, a.timeZone) - a.age;
    const localStart = startDate * dayMs + Math.round(a.startHour * 3_600_000);
    a.startDate = startDate;
    a.startAt = localStart - zoneOffsetMs(a.timeZone, localStart);
  }
  return { seed, now, accounts: list };
}

/** How likely an account's usage is on a local date, by its work week (0 = Sunday). */
function weekdayFactor(account, date, d) {
  const weekday = (date + 4) % 7;
  if (account.pattern === 'everyday') return 0.85;
  if (account.pattern === 'workweek') return weekday === 0 || weekday === 6 ? 0.03 : 1;
  return d.between(0, 1.4) * (weekday === 0 || weekday === 6 ? 0.4 : 1);
}

/** How likely user `u` is active on account day `day`, before the day's noise, by the account's kind. */
function kindFactor(account, u, day) {
  if (day < u.joinDay) return 0;
  const { kind, onset } = account;
  if (kind === 'slow-starter' && day < account.slowUntil) return u.index < 2 ? 0.3 : 0;
  if (kind === 'went-silent' && day >= onset) return 0;
  if (kind === 'collapsed' && day >= onset) return account.kept.has(u.index) ? account.keptRate : 0;
  if (kind === 'never-started') return 0;
  return 1;
}

/**
 * The account's messages in time order, ending before `now`: identify and group when each user
 * joins (the first user invites the others), then 1–3 sessions per active user-day of
 * `eventsPerSession` events minutes apart; never-started accounts send only identify, group and
 * perhaps a few page views. Message ids are derived from the account, so a resend deduplicates.
 */
export function* accountMessages(account, now, { eventsPerSession = [2, 5] } = {}) {
  const d = draw(seededRandom(account.seed * 1_000_003 + account.index * 7919 + 2));
  const { accountId } = account;
  const traits = {
    name: `Customer ${accountId}`,
    createdAt: new Date(account.startAt).toISOString(),
    seats: account.seats,
    ...(account.timeZone === 'UTC' ? {} : { timezone: account.timeZone }),
  };
  const context = { groupId: accountId };
  let n = 0;
  const message = (at, body) => ({ at, body: { ...body, messageId: `${accountId}-m${n++}` } });
  const userId = (u) => `${accountId}-u${u.index}`;
  const silentFrom = account.kind === 'went-silent' ? account.onset : Infinity;
  for (let day = 0; day <= account.age; day++) {
    const date = account.startDate + day;
    const offset = zoneOffsetMs(account.timeZone, date * dayMs + 12 * 3_600_000);
    const at = (hour) => date * dayMs + Math.round(hour * 3_600_000) - offset;
    const today = [];
    for (const u of account.users) {
      if (u.joinDay !== day || day >= silentFrom) continue;
      const joinAt = day === 0 && u.index === 0 ? account.startAt : at(account.startHour + 0.2 + u.index * 0.01);
      const invited = u.index > 0 && account.kind !== 'never-started' && day >= account.slowUntil;
      if (invited)
        today.push(
          message(joinAt - 60_000, { type: 'track', userId: userId(account.users[0]), event: 'Teammate Invited', properties: { invitee: userId(u) }, context }),
        );
      today.push(message(joinAt, { type: 'identify', userId: userId(u), traits: { name: `User ${u.index}`, email: `u${u.index}@${accountId}.test` } }));
      today.push(message(joinAt + 1000, { type: 'group', userId: userId(u), groupId: accountId, traits }));
    }
    if (account.pages && day <= 6 && d.random() < 0.4) {
      const u = account.users[d.int(0, Math.min(1, account.users.length - 1))];
      if (u.joinDay <= day) today.push(message(at(d.between(9, 17)), { type: 'page', userId: userId(u), name: 'Home', properties: { path: '/app' }, context }));
    }
    const dayFactor = Math.max(0.2, Math.min(1.6, 1 + account.noise * d.normal())) * weekdayFactor(account, date, d);
    for (const u of account.users) {
      if (d.random() >= u.p * dayFactor * kindFactor(account, u, day)) continue;
      const early = account.kind === 'slow-starter' && day < account.slowUntil;
      const features = early ? ['projects', 'tasks'] : u.features;
      const sessions = d.random() < 0.5 ? 1 : d.random() < 0.7 ? 2 : 3;
      for (let s = 0; s < sessions; s++) {
        let t = at(d.between(8 + s * 3.5, 11 + s * 3.5));
        const events = d.int(eventsPerSession[0], eventsPerSession[1]);
        for (let e = 0; e < events; e++) {
          const advanced = !early && u.advanced && day >= account.advancedFrom && d.random() < 0.25;
          const feature = byKey.get(advanced ? u.advanced : d.pick(features));
          today.push(message(t, { type: 'track', userId: userId(u), event: d.pick(feature.events), properties: {}, context }));
          t += Math.round(d.between(1, 8) * 60_000);
        }
      }
    }
    for (const m of today.sort((a, b) => a.at - b.at)) if (m.at < now) yield m;
  }
}

/** Every message of the population, account after account. */
export function* populationMessages(population, options) {
  for (const account of population.accounts) yield* accountMessages(account, population.now, options);
}
