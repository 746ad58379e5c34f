import { describe, expect, it } from 'vitest';
import { acmeConfig } from '../../test/acme-config.js';
import type { WaymarkConfig } from '../config/config-schema.js';
import { validateConfig } from '../config/validate-config.js';
import { deriveFacts } from '../progress/derive-facts.js';
import { recordEvent } from '../state/record-event.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import { emptySnapshot, type StateSnapshot } from '../state/state-snapshot.js';
import { gateState } from './gate-state.js';

const now = Date.UTC(2026, 2, 10, 10, 30);
const valid = validateConfig({
  ...acmeConfig,
  gates: [
    { key: 'reports.export', unlock: { checklist: 'getting-started' }, hint: { title: 'Finish getting started first' } },
    { key: 'integrations.slack', unlock: { all: [{ checklist: 'getting-started', item: 'create-project' }, { milestone: 'activated' }] }, locked: 'teaser' },
  ],
});
if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
const config: WaymarkConfig = valid.config;
const [reports, slack] = config.gates as [WaymarkConfig['gates'][number], WaymarkConfig['gates'][number]];
const track = (s: StateSnapshot, ...keys: string[]) => keys.reduce((acc, k) => recordEvent(acc, k, now - 1000), s);
const factsOf = (s: StateSnapshot) => deriveFacts(config, snapshotFacts(s, now));
const everything = track(
  emptySnapshot(),
  'Project Created',
  'Task Created',
  'Task Created',
  'Task Created',
  'Teammate Invited',
  'Feature Used:integrations.slack',
  'Report Exported',
);

describe('gateState', () => {
  it('fills in the gate defaults', () => {
    expect(reports).toMatchObject({ locked: 'disable', celebrate: true });
    expect(slack.locked).toBe('teaser');
  });

  it('stays locked until the condition holds, with progress over the checklist', () => {
    let s = emptySnapshot();
    const states = [];
    for (const key of ['Project Created', 'Report Exported']) {
      s = track(s, key);
      states.push(gateState(reports, factsOf(s), {}, config.checklists));
    }
    expect(states.map((g) => [g.unlocked, g.reason, g.progress])).toEqual([
      [false, 'locked', { done: 1, total: 5 }],
      [false, 'locked', { done: 2, total: 5 }],
    ]);
    const open = gateState(reports, factsOf(everything), {}, config.checklists);
    expect(open).toMatchObject({ key: 'reports.export', unlocked: true, reason: 'condition', progress: { done: 5, total: 5 } });
    expect(open.todo).toEqual([]);
    expect(states[1]?.todo.map((t) => t.item)).toEqual(['add-tasks', 'invite', 'connect-slack']);
  });

  it('counts item references without the checklist definitions, and no progress without checklists', () => {
    const s = track(emptySnapshot(), 'Project Created');
    expect(gateState(slack, factsOf(s)).progress).toEqual({ done: 1, total: 1 });
    expect(gateState(reports, factsOf(s)).progress).toBeUndefined();
    expect(gateState({ key: 'x', unlock: { event: 'A' } }, factsOf(s), {}, config.checklists).progress).toBeUndefined();
    expect(gateState({ key: 'x', unlock: { not: { checklist: 'getting-started' } } }, factsOf(s), {}, config.checklists).progress).toBeUndefined();
  });

  it('lists what is left: items of the condition, not milestones', () => {
    const s = gateState(slack, factsOf(emptySnapshot()));
    expect(s).toMatchObject({
      unlocked: false,
      reason: 'locked',
      progress: { done: 0, total: 1 },
      todo: [{ checklist: 'getting-started', item: 'create-project' }],
    });
    expect(gateState(slack, factsOf(track(emptySnapshot(), 'Project Created'))).todo).toEqual([]);
  });

  it('lets overrides win, the user over the account', () => {
    const locked = factsOf(emptySnapshot());
    const open = factsOf(everything);
    expect(gateState(reports, locked, { account: 'unlock' })).toMatchObject({ unlocked: true, reason: 'override' });
    expect(gateState(reports, open, { account: 'lock' })).toMatchObject({ unlocked: false, reason: 'override' });
    expect(gateState(reports, locked, { account: 'lock', user: 'unlock' })).toMatchObject({ unlocked: true, reason: 'override' });
    expect(gateState(reports, open, { account: 'unlock', user: 'lock' })).toMatchObject({ unlocked: false, reason: 'override' });
    expect(gateState(reports, locked, { account: 'unlock' }, config.checklists).todo).toHaveLength(5);
  });
});
