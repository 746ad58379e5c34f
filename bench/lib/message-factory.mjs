import { randomUUID } from 'node:crypto';

/** A small seeded PRNG (mulberry32), so every run sends the same mix of users and events. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const trackEvents = [
  'Report Created',
  'Report Shared',
  'Dashboard Viewed',
  'Filter Applied',
  'Export Downloaded',
  'Invite Sent',
  'Integration Connected',
  'Checklist Step Completed',
  'Tour Started',
  'Tour Completed',
  'Search Performed',
  'Comment Added',
  'File Uploaded',
  'Settings Changed',
  'Plan Upgraded',
];
const pages = [
  ['Dashboard', '/dashboard'],
  ['Reports', '/reports'],
  ['Report', '/reports/q3-pipeline'],
  ['Settings', '/settings/team'],
  ['Integrations', '/settings/integrations'],
  ['Billing', '/settings/billing'],
  ['Inbox', '/inbox'],
  ['Onboarding', '/welcome'],
];
const userAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const plans = ['free', 'starter', 'team', 'business', 'enterprise'];

/**
 * Builds realistic SDK-shaped messages: ~2,000 users spread over ~200 accounts (plus some
 * anonymous visitors), 72% track (~300 bytes of properties), 20% page, 5% identify, 3% group.
 * Every message has a fresh UUID messageId and `context.groupId` set as the browser SDK sets it.
 *
 * `mix` says who sends a batch: 'browser' (default), one person per batch, as the script tag
 * sends them (a browser's queue holds one user's events, or one visitor's before sign-in);
 * 'server', every message from a random person, as a server-side library that batches for many
 * users sends them.
 */
export function createMessageFactory({ users = 2000, accounts = 200, anonymous = 300, seed = 42, now = Date.now, mix = 'browser' } = {}) {
  if (mix !== 'browser' && mix !== 'server') throw new Error(`mix must be 'browser' or 'server', got ${JSON.stringify(mix)}`);
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const accountOf = (u) => `acct_${String(u % accounts).padStart(4, '0')}`;
  const anonIds = Array.from({ length: anonymous }, () => randomUUID());
  const userAnonIds = Array.from({ length: users }, () => randomUUID());

  function context(path, title, groupId) {
    return {
      page: { url: `https://app.example.com${path}`, path, search: '', title: `${title} · Example`, referrer: 'https://app.example.com/dashboard' },
      userAgent,
      locale: 'en-US',
      timezone: 'Europe/Berlin',
      library: { name: 'waymark', version: '0.1.0' },
      ...(groupId ? { groupId } : {}),
    };
  }

  /** Who sends: 4% are visitors who have not signed in yet (an anonymous id, no user, no account). */
  const sender = () => (random() < 0.04 ? { anonymousId: pick(anonIds) } : { u: Math.floor(random() * users) });

  function message(timestamp, from) {
    const messageId = randomUUID();
    if (from.u === undefined) {
      const [name, path] = pick(pages);
      return {
        type: 'page',
        messageId,
        anonymousId: from.anonymousId,
        timestamp,
        name,
        properties: { path, url: `https://app.example.com${path}` },
        context: context(path, name),
      };
    }
    const u = from.u;
    const userId = `user_${String(u).padStart(5, '0')}`;
    const groupId = accountOf(u);
    const [pageName, path] = pick(pages);
    const base = { messageId, userId, anonymousId: userAnonIds[u], timestamp, context: context(path, pageName, groupId) };
    const r = random();
    if (r < 0.72) {
      return {
        type: 'track',
        ...base,
        event: pick(trackEvents),
        properties: {
          reportId: `rep_${Math.floor(random() * 1e6)}`,
          reportName: 'Q3 pipeline by region and owner',
          chartType: pick(['bar', 'line', 'table', 'funnel']),
          filters: { region: pick(['emea', 'amer', 'apac']), owner: `user_${Math.floor(random() * users)}`, range: 'last_90_days' },
          durationMs: Math.floor(random() * 5000),
          rows: Math.floor(random() * 10000),
          source: pick(['toolbar', 'context-menu', 'shortcut']),
          experiment: 'onboarding-checklist-v2',
          variant: pick(['control', 'treatment']),
        },
      };
    }
    if (r < 0.92) return { type: 'page', ...base, name: pageName, properties: { path, url: `https://app.example.com${path}`, title: `${pageName} · Example` } };
    if (r < 0.97) {
      return {
        type: 'identify',
        ...base,
        traits: { email: `${userId}@example.com`, name: `User ${u}`, role: pick(['admin', 'member', 'viewer']), createdAt: '2025-11-03T10:00:00.000Z' },
      };
    }
    return { type: 'group', ...base, groupId, traits: { name: `Account ${u % accounts}`, plan: pick(plans), employees: 10 + (u % accounts) * 7 } };
  }

  /** The `i`th of `n` messages sent at `t`: spread over the second before it. */
  const timeOf = (t, i, n) => new Date(t - 1000 + Math.floor((i * 1000) / n)).toISOString();

  return {
    /** `n` fresh messages, timestamped within the last second. */
    batch(n) {
      const t = now();
      const one = mix === 'browser' ? sender() : undefined;
      return Array.from({ length: n }, (_, i) => message(timeOf(t, i, n), one ?? sender()));
    },
    /**
     * `POST /v1/batch` bodies of `n` messages, shaped like the SDK's: `size` batches prepared once,
     * handed out round-robin with fresh message ids, timestamps and sentAt, so a load generator
     * spends its CPU on HTTP and not on making data (the ceiling's row source reuses its rows too).
     */
    bodies(n, size = 200) {
      const templates = Array.from({ length: size }, () => {
        const batch = this.batch(n).map((m, i) => ({ ...m, messageId: '\u0001', timestamp: `\u0002${i}` }));
        return JSON.stringify({ batch, sentAt: '\u0003' }).split(/"\\u000[123]\d*"/);
      });
      let next = 0;
      return () => {
        const pieces = templates[next++ % templates.length];
        const t = now();
        const sentAt = new Date(t).toISOString();
        let out = pieces[0];
        for (let i = 0; i < n; i++) {
          out += `"${randomUUID()}"${pieces[2 * i + 1]}"${timeOf(t, i, n)}"${pieces[2 * i + 2]}`;
        }
        return `${out}"${sentAt}"${pieces[2 * n + 1]}`;
      };
    },
  };
}
