import {
  emptySnapshot,
  evaluateCondition,
  matchPage,
  onboardingEvents,
  recordEvent,
  settleProgress,
  snapshotFacts,
  type StateSnapshot,
  type WaymarkConfig,
} from '@waymark/core';
import { acmeActions, type AcmeAction, type ActionContext } from './acme-actions.js';
import { acmeSteps } from './acme-steps.js';
import { archetypes } from './archetypes.js';
import { conditionEvents } from './condition-events.js';
import { createRandom } from './create-random.js';
import { pickWeighted } from './pick-weighted.js';
import type { SimMessage, SimUser, SimulationOptions } from './simulation-types.js';

const dayMs = 86_400_000;
const hourMs = 3_600_000;
/** Marks every simulated message (Segment's `context.library`), so simulated data can be told apart. */
const library = { name: 'waymark-simulator', version: '1' };
const stuckReasons = ['idle-on-step', 'repeat-visits', 'dead-clicks', 'failed-attempts'] as const;

/**
 * One user's history in Acme from the day they join until `options.now`: the identify and group
 * calls of the app, page views, product events, and the onboarding events the SDK sends (guides,
 * checklist items, milestones, stuck users and nudges, and the guides and announcements that start
 * by themselves). Checklist items and milestones are settled with core's own `settleProgress`, so
 * they appear exactly when the config says they are done.
 */
export function simulateUser(user: SimUser, config: WaymarkConfig, options: SimulationOptions): SimMessage[] {
  const { account } = user;
  const archetype = archetypes[account.archetype];
  const random = createRandom(options.seed, user.id);
  const out: SimMessage[] = [];
  const offsetMs = account.utcOffsetMinutes * 60_000;
  const day0 = Math.floor((account.createdAt + offsetMs) / dayMs) * dayMs - offsetMs;
  const audience = user.traits.role !== 'viewer';
  const checklist = config.checklists[0];
  const userMilestones = new Set(config.milestones.filter((m) => m.scope === 'user').map((m) => m.key));
  const maxSteps = audience ? archetype.maxSteps : 0;

  let seq = 0;
  let at = user.joinedAt;
  let session = '';
  let steps = 0;
  let lastProgressAt = user.joinedAt;
  let activeDays = 0;
  let snapshot: StateSnapshot = emptySnapshot();
  snapshot = {
    ...snapshot,
    user: { ...snapshot.user, traits: { ...user.traits }, startedAt: user.joinedAt },
    account: { ...snapshot.account, traits: { ...account.traits }, startedAt: account.createdAt },
  };
  const guidesSeen = new Set<string>();
  const nudgesDismissed = new Set<string>();
  // Announcements seen, and those acted on (clicked or dismissed: they do not show by themselves again).
  const newsSeen = new Set<string>();
  const newsDone = new Set<string>();
  // One experience that starts by itself per session (the SDK's session budget).
  let startedThisSession = false;
  let nextId = 0;
  const context: ActionContext = { random, projects: [], screen: '', invites: 0, nextId: (prefix) => `${prefix}${++nextId}` };
  const unlockedGates = new Set<string>();
  const lockedGate = (feature: string | undefined) =>
    feature !== undefined && !unlockedGates.has(feature) ? config.gates.find((g) => g.key === feature) : undefined;

  // One context object per user: it is the same on every message (and serialised per message anyway).
  const messageContext = { groupId: account.id, library };
  const push = (body: Omit<SimMessage['body'], 'messageId' | 'userId' | 'context'>) => {
    body.messageId = `${user.id}-${seq++}`;
    body.userId = user.id;
    body.context = messageContext;
    out.push({ at, body: body as SimMessage['body'] });
  };
  // Only events that a milestone, item or gate still to be reached counts can change progress;
  // recording the rest would only cost time. Recomputed whenever progress changes.
  const pendingEvents = () =>
    conditionEvents([
      ...config.milestones.filter((m) => !snapshot.milestones.includes(m.key)).map((m) => m.condition),
      ...config.checklists.flatMap((c) => c.items.filter((it) => !snapshot.items[c.key]?.includes(it.key)).map((it) => it.done)),
      ...config.gates.filter((g) => !unlockedGates.has(g.key)).map((g) => g.unlock),
    ]);
  let progressEvents = pendingEvents();
  const tick = (minSeconds: number, maxSeconds: number) => {
    at = Math.min(options.now, at + random.int(minSeconds * 1000, maxSeconds * 1000));
  };
  const settle = () => {
    const r = settleProgress(snapshot, config, at);
    let changed = r.snapshot !== snapshot;
    snapshot = r.snapshot;
    if (audience) {
      for (const { checklist: c, item } of r.changes.items)
        push({ type: 'track', event: onboardingEvents.checklistItemCompleted, properties: { checklist: c, item } });
      for (const c of r.changes.completed) push({ type: 'track', event: onboardingEvents.checklistCompleted, properties: { checklist: c } });
    }
    for (const m of r.changes.milestones)
      if (userMilestones.has(m)) push({ type: 'track', event: onboardingEvents.milestoneReached, properties: { milestone: m } });
    if (unlockedGates.size < config.gates.length) {
      const facts = snapshotFacts(snapshot, at);
      for (const gate of config.gates) {
        if (unlockedGates.has(gate.key) || !evaluateCondition(gate.unlock, facts)) continue;
        unlockedGates.add(gate.key);
        changed = true;
        if (audience) push({ type: 'track', event: onboardingEvents.gateUnlocked, properties: { gate: gate.key } });
      }
    }
    if (changed) progressEvents = pendingEvents();
  };
  const track = (event: string, properties: Record<string, unknown>) => {
    push({ type: 'track', event, properties });
    const feature = properties['feature'];
    const key = event === 'Feature Used' && typeof feature === 'string' ? `Feature Used:${feature}` : event;
    if (!progressEvents.has(key)) return;
    snapshot = recordEvent(snapshot, key, at);
    settle();
  };
  const seeNews = (key: string) => {
    newsSeen.add(key);
    track(onboardingEvents.announcementSeen, { announcement: key });
  };
  // The guide or announcement whose page trigger fires on this page view, as the SDK picks it: the
  // trigger's dates, page and audience, the announcement's audience and `published` day, once each.
  const startByTrigger = (where: { path: string; hash: string; search: string; title: string }) => {
    const facts = snapshotFacts(snapshot, at);
    const fires = (t: WaymarkConfig['guides'][number]['trigger'], audienceOf?: Parameters<typeof evaluateCondition>[0]) =>
      t !== undefined &&
      t.event === undefined &&
      (t.from === undefined || at >= Date.parse(t.from)) &&
      (t.until === undefined || at < Date.parse(t.until)) &&
      (t.page === undefined || matchPage({ page: t.page }, where)) &&
      (!t.audience || evaluateCondition(t.audience, facts)) &&
      (!audienceOf || evaluateCondition(audienceOf, facts));
    const guide = config.guides.find((g) => !guidesSeen.has(g.key) && fires(g.trigger));
    const news = config.announcements.find(
      (a) => !newsSeen.has(a.key) && !newsDone.has(a.key) && (a.published === undefined || at >= Date.parse(a.published)) && fires(a.trigger, a.audience),
    );
    const key = guide?.key ?? news?.key;
    if (key === undefined) return;
    startedThisSession = true;
    const kind = guide ? 'guide' : 'announcement';
    tick(1, 4);
    track(onboardingEvents.experienceStarted, { experience: `${kind}:${key}`, kind, key, trigger: 'page', session });
    if (guide) {
      if (runGuide(guide.key)) track(onboardingEvents.guideCompleted, { guide: guide.key });
      return;
    }
    seeNews(key);
    tick(3, 40);
    const r = random.next();
    if (news?.action && news.action.type !== 'dismiss' && r < 0.35) {
      newsDone.add(key);
      track(onboardingEvents.announcementClicked, { announcement: key, action: news.action.type });
      // Those who follow the call to action often try the announced feature there and then.
      const tryIt = acmeActions.find((a) => a.feature === news.feature);
      if (tryIt && random.chance(0.6)) perform(tryIt);
    } else if (r < 0.75) {
      newsDone.add(key);
      track(onboardingEvents.announcementDismissed, { announcement: key });
    }
  };
  const page = (title: string, path: string) => {
    push({ type: 'page', name: title, properties: { path } });
    context.screen = path;
    if (audience && !startedThisSession) startByTrigger({ path, hash: '', search: '', title });
  };
  // Does the action; false when a locked gate blocked it.
  const perform = (action: AcmeAction): boolean => {
    const target = action.screen(context);
    if (target.path !== context.screen) {
      tick(2, 20);
      page(target.title, target.path);
    }
    const gate = lockedGate(action.feature);
    if (gate) {
      tick(2, 10);
      track(onboardingEvents.gateBlocked, { gate: gate.key });
      return false;
    }
    for (const call of action.calls(context)) {
      tick(3, 60);
      track(call.event, call.properties);
    }
    return true;
  };
  const itemFor = (event: string) => checklist?.items.find((item) => 'event' in item.done && item.done.event === event);

  // A guide walked through (each step viewed) or abandoned; true when the user got to its end.
  const runGuide = (key: string): boolean => {
    const guide = config.guides.find((g) => g.key === key);
    if (!guide) return true;
    guidesSeen.add(key);
    track(onboardingEvents.guideStarted, { guide: key });
    for (const [index, step] of guide.steps.entries()) {
      tick(2, 15);
      track(onboardingEvents.guideStepViewed, { guide: key, step: step.key, index });
      if (random.chance(0.01)) {
        track(onboardingEvents.guideErrored, { guide: key, step: step.key, reason: 'target_not_found' });
        return false;
      }
      if (random.chance(0.07)) {
        tick(1, 10);
        track(onboardingEvents.guideDismissed, { guide: key, step: step.key });
        return false;
      }
    }
    return true;
  };
  const takeStep = (withGuide: boolean) => {
    const step = acmeSteps[steps];
    const action = acmeActions.find((a) => a.key === step?.action);
    if (!step || !action) return;
    const guide = itemFor(step.event)?.guide;
    const guided = guide !== undefined && audience && !guidesSeen.has(guide) && (withGuide || random.chance(0.5));
    if (guided && !runGuide(guide) && random.chance(0.5)) return;
    for (let i = 0; i < step.times; i++) if (!perform(action)) return;
    if (guided) track(onboardingEvents.guideCompleted, { guide });
    steps += 1;
    lastProgressAt = at;
  };
  const stuck = () => {
    const item = itemFor(acmeSteps[steps]?.event ?? '');
    if (!checklist || !item) return;
    track(onboardingEvents.userStuck, { checklist: checklist.key, item: item.key, reason: random.pick(stuckReasons) });
    const nudge = config.nudges.find(
      (n) => !nudgesDismissed.has(n.key) && (!n.for || (n.for.checklist === checklist.key && (n.for.item === undefined || n.for.item === item.key))),
    );
    if (!nudge) return;
    const reason = random.pick(stuckReasons);
    tick(1, 5);
    track(onboardingEvents.nudgeShown, { nudge: nudge.key, checklist: checklist.key, item: item.key, reason, kind: nudge.kind, session });
    const r = random.next();
    tick(2, 30);
    if (r < 0.3) {
      track(onboardingEvents.nudgeClicked, { nudge: nudge.key, checklist: checklist.key, item: item.key });
      if (steps < maxSteps) takeStep(true);
    } else if (r < 0.42) {
      nudgesDismissed.add(nudge.key);
      track(onboardingEvents.nudgeDismissed, { nudge: nudge.key, checklist: checklist.key, item: item.key });
    } else if (r < 0.65) {
      track(onboardingEvents.nudgeSnoozed, { nudge: nudge.key, checklist: checklist.key, item: item.key, until: at + dayMs });
    }
  };
  const runSession = (start: number, identify: boolean) => {
    at = start;
    session = `s_${user.id}_${seq}`;
    // The app identifies and groups on every load; sent on the first visit and weekly after, which
    // is what the collector keeps (traits merge), at a fraction of the volume.
    if (identify) {
      push({ type: 'identify', traits: user.traits });
      push({ type: 'group', groupId: account.id, traits: account.traits });
    }
    context.screen = '';
    startedThisSession = false;
    page('Projects', '/app/projects');
    if (user.engagement === 0) return;
    if (audience && checklist && !snapshot.completed.includes(checklist.key) && random.chance(0.06)) {
      tick(2, 20);
      track(onboardingEvents.checklistOpened, { checklist: checklist.key });
    }
    // Now and then a user opens What's new in the assistant, which marks what is there as seen.
    if (audience && random.chance(0.04)) {
      const unread = config.announcements.filter(
        (a) =>
          !newsSeen.has(a.key) &&
          (a.published === undefined || at >= Date.parse(a.published)) &&
          (!a.audience || evaluateCondition(a.audience, snapshotFacts(snapshot, at))),
      );
      for (const a of unread) seeNews(a.key);
    }
    if (steps < maxSteps && random.chance(activeDays === 1 ? Math.min(1, archetype.progressRate * 1.3) : archetype.progressRate)) takeStep(false);
    else if (audience && at - lastProgressAt > 2 * dayMs && random.chance(0.3)) stuck();
    // Curious users try a locked feature now and then before they have done the basics.
    if (audience && steps >= 3 && random.chance(0.12)) {
      const gated = acmeActions.filter((a) => lockedGate(a.feature));
      if (gated.length > 0) perform(random.pick(gated));
    }
    const unlocked = acmeActions.filter(
      (a) => a.afterSteps <= Math.max(steps, audience ? 0 : 2) && (a.roles ?? ['owner', 'admin', 'member']).includes(user.traits.role),
    );
    if (unlocked.length === 0) return;
    const actions = Math.round(random.between(1, 6.5) * user.engagement);
    for (let i = 0; i < actions && at < options.now; i++) perform(pickWeighted(random, unlocked, (a) => a.weight));
  };

  const firstDay = Math.floor((user.joinedAt - day0) / dayMs);
  const lastDay = Math.floor((options.now - day0) / dayMs);
  for (let day = firstDay; day <= lastDay; day++) {
    const midnight = day0 + day * dayMs;
    const weekday = new Date(midnight + offsetMs).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const joining = day === firstDay;
    const p = archetype.activity(day, (options.now - midnight) / dayMs) * Math.min(1.6, user.engagement) * (weekend ? 0.12 : 1);
    if (!joining && (user.engagement === 0 || !random.chance(Math.min(0.95, p)))) continue;
    activeDays += 1;
    const sessions = joining ? 1 : 1 + (random.chance(0.25) ? 1 : 0) + (random.chance(0.05) ? 1 : 0);
    const hours = Array.from({ length: sessions }, () => Math.min(19.5, Math.max(7.5, random.normal(random.chance(0.55) ? 10.5 : 15, 1.6)))).sort(
      (a, b) => a - b,
    );
    for (const [i, hour] of hours.entries()) {
      const start = joining ? user.joinedAt + i * 2 * hourMs : midnight + hour * hourMs;
      if (start >= options.now) break;
      runSession(start, joining && i === 0 ? true : i === 0 && activeDays % 7 === 0);
    }
  }
  return out;
}
