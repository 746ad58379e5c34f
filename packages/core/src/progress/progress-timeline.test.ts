import { describe, expect, it } from 'vitest';
import { acmeConfig } from '../../test/acme-config.js';
import { validateConfig } from '../config/validate-config.js';
import type { WaymarkConfig } from '../config/config-schema.js';
import { progressTimeline, type ProgressTimes, type TimelineScope } from './progress-timeline.js';

const hour = 3_600_000;
const day = 24 * hour;
const t0 = Date.UTC(2026, 0, 5, 9);
const valid = validateConfig(acmeConfig);
if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
const config: WaymarkConfig = valid.config;
const none = (): ProgressTimes => ({ milestones: new Map(), items: new Map(), completed: new Map() });
const scope = (events: Record<string, number[]>, extra: Partial<TimelineScope> = {}): TimelineScope => ({
  events: new Map(Object.entries(events)),
  traits: {},
  startedAt: t0,
  ...extra,
});

describe('progressTimeline', () => {
  it('times count thresholds by the event that crossed them, and what depends on them after', () => {
    const user = scope({ 'Project Created': [t0 + day], 'Task Created': [t0 + 3 * day, t0 + 2 * day, t0 + 4 * day, t0 + 9 * day] });
    const times = progressTimeline(config, { user, account: scope({}), recorded: none(), now: t0 + 20 * day });
    expect(times.milestones.get('activated')).toBe(t0 + 4 * day);
    expect(times.items.get('getting-started/create-project')).toBe(t0 + day);
    expect(times.items.get('getting-started/add-tasks')).toBe(t0 + 4 * day);
    expect(times.completed.size).toBe(0);
  });

  it('times windows by the events inside them, and ignores what happens after now', () => {
    const user = scope({
      'Project Created': [t0],
      'Task Created': [t0, t0, t0],
      // 3 exports, but never 3 within 7 days until days 20, 22 and 25.
      'Report Exported': [t0 + day, t0 + 10 * day, t0 + 20 * day, t0 + 22 * day, t0 + 25 * day, t0 + 40 * day],
    });
    const times = progressTimeline(config, { user, account: scope({}), recorded: none(), now: t0 + 30 * day });
    expect(times.milestones.get('power-user')).toBe(t0 + 25 * day);
    expect(progressTimeline(config, { user, account: scope({}), recorded: none(), now: t0 + 24 * day }).milestones.has('power-user')).toBe(false);
  });

  it('keeps recorded progress, moves it earlier only when the history shows it', () => {
    const recorded = none();
    recorded.items.set('getting-started/create-project', t0 + 5 * day);
    recorded.items.set('getting-started/invite', t0 + 6 * day);
    const user = scope({ 'Project Created': [t0 + 2 * day, t0 + 7 * day] });
    const times = progressTimeline(config, { user, account: scope({}), recorded, now: t0 + 10 * day });
    expect(times.items.get('getting-started/create-project')).toBe(t0 + 2 * day);
    expect(times.items.get('getting-started/invite')).toBe(t0 + 6 * day);
  });

  it('completes a checklist when its last item is done, and reaches the milestone on it', () => {
    const user = scope({
      'Project Created': [t0],
      'Task Created': [t0, t0 + hour, t0 + 2 * hour],
      'Teammate Invited': [t0 + day],
      'Feature Used:integrations.slack': [t0 + 3 * day],
      'Report Exported': [t0 + 2 * day],
    });
    const times = progressTimeline(config, { user, account: scope({}), recorded: none(), now: t0 + 10 * day });
    expect(times.completed.get('getting-started')).toBe(t0 + 3 * day);
    expect(times.milestones.get('onboarded')).toBe(t0 + 3 * day);
  });

  it('dates trait conditions from when the traits took effect, earlier only by an SDK claim', () => {
    const traitConfig: WaymarkConfig = {
      ...config,
      milestones: [
        {
          key: 'upgraded',
          name: 'Upgraded',
          scope: 'account',
          targetDay: 30,
          condition: { all: [{ trait: 'plan', op: 'eq', value: 'pro', scope: 'account' }, { event: 'Project Created' }] },
        },
      ],
      checklists: [],
    };
    const user = scope({ 'Project Created': [t0 + day] });
    const account = scope({}, { traits: { plan: 'pro' }, traitsAt: t0 + 9 * day });
    const input = { user, account, recorded: none(), now: t0 + 20 * day };
    expect(progressTimeline(traitConfig, input).milestones.get('upgraded')).toBe(t0 + 9 * day);
    const claimed = none();
    claimed.milestones.set('upgraded', t0 + 3 * day);
    expect(progressTimeline(traitConfig, { ...input, claimed }).milestones.get('upgraded')).toBe(t0 + 3 * day);
    // A claim for progress the history does not show is not taken.
    const noProject = { ...input, user: scope({}), claimed };
    expect(progressTimeline(traitConfig, noProject).milestones.has('upgraded')).toBe(false);
    // Nor one for a condition the history times itself.
    const claimedItem = none();
    claimedItem.items.set('getting-started/create-project', t0);
    expect(
      progressTimeline(config, { user, account: scope({}), recorded: none(), claimed: claimedItem, now: t0 + 20 * day }).items.get(
        'getting-started/create-project',
      ),
    ).toBe(t0 + day);
  });
});
