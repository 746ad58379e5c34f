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
  'Report Created', 'Report Shared', 'Dashboard Viewed', 'Filter Applied', 'Export Downloaded',
  'Invite Sent', 'Integration Connected', 'Checklist Step Completed', 'Tour Started', 'Tour Completed',
  'Search Performed', 'Comment Added', 'File Uploaded', 'Settings Changed', 'Plan Upgraded',
];
const pages = [
  ['Dashboard', '/dashboard'], ['Reports', '/reports'], ['Report', '/reports/q3-pipeline'], ['Settings', '/settings/team'],
  ['Integrations', '/settings/integrations'], ['Billing', '/settings/billing'], ['Inbox', '/inbox'], ['Onboarding', '/welcome'],
];
const userAgent = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const plans = ['free', 'starter', 'team', 'business', 'enterprise'];

/**
 * Builds realistic SDK-shaped messages: ~2,000 users spread over ~200 accounts (plus some
 * anonymous visitors), 72% track (~300 bytes of properties), 20% page, 5% identify, 3% group.
 * Every message has a fresh UUID messageId and `context.groupId` set as the browser SDK sets it.
 */
export function createMessageFactory({ users = 2000, accounts = 200, anonymous = 300, seed = 42, now = Date.now } = {}) {
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

  function message(timestamp) {
    const messageId = randomUUID();
    // 4% of messages come from visitors who have not signed in yet: no userId, no account.
    if (random() < 0.04) {
      const [name, path] = pick(pages);
      return { type: 'page', messageId, anonymousId: pick(anonIds), timestamp, name, properties: { path, url: `https://app.example.com${path}` }, context: context(path, name) };
    }
    const u = Math.floor(random() * users);
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
      return { type: 'identify', ...base, traits: { email: `${userId}@example.com`, name: `User ${u}`, role: pick(['admin', 'member', 'viewer']), createdAt: '2025-11-03T10:00:00.000Z' } };
    }
    return { type: 'group', ...base, groupId, traits: { name: `Account ${u % accounts}`, plan: pick(plans), employees: 10 + (u % accounts) * 7 } };
  }

  return {
    /** `n` fresh messages, timestamped within the last second. */
    batch(n) {
      const t = now();
      return Array.from({ length: n }, (_, i) => message(new Date(t - 1000 + Math.floor((i * 1000) / n)).toISOString()));
    },
    /** A `POST /v1/batch` body of `n` fresh messages, shaped like the SDK's. */
    body(n) {
      return JSON.stringify({ batch: this.batch(n), sentAt: new Date(now()).toISOString() });
    },
  };
}
