import { describe, expect, it } from 'vitest';
import { acmeConfig } from '../../test/acme-config.js';
import { validateConfig } from '../config/validate-config.js';
import type { WaymarkConfig } from '../config/config-schema.js';
import { recordEvent } from '../state/record-event.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import { emptySnapshot, type StateSnapshot } from '../state/state-snapshot.js';
import { checklistProgress } from './checklist-progress.js';
import { deriveFacts } from './derive-facts.js';
import { milestonesReached } from './milestones-reached.js';
import { settleProgress } from './settle-progress.js';

const day = 86_400_000;
const now = Date.UTC(2026, 2, 10, 10, 30);
const valid = validateConfig(acmeConfig);
if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
const config: WaymarkConfig = valid.config;
const checklist = config.checklists[0]!;

const track = (s: StateSnapshot, ...keys: string[]) => keys.reduce((acc, k) => recordEvent(acc, k, now - day), s);
const started = (s: StateSnapshot, days: number): StateSnapshot => ({
  ...s,
  user: { ...s.user, startedAt: now - days * day },
  account: { ...s.account, startedAt: now - 20 * day },
});

describe('checklistProgress', () => {
  it('marks items done by their conditions, in order, with the next one', () => {
    const s = track(emptySnapshot(), 'Project Created', 'Report Exported');
    expect(checklistProgress(checklist, snapshotFacts(s, now))).toEqual({
      done: 2,
      total: 5,
      items: [
        { key: 'create-project', done: true },
        { key: 'add-tasks', done: false },
        { key: 'invite', done: false },
        { key: 'connect-slack', done: false },
        { key: 'export-report', done: true },
      ],
      complete: false,
      next: 'add-tasks',
      audience: true,
    });
  });
  it('keeps recorded items done even when their condition no longer holds', () => {
    const s = { ...emptySnapshot(), items: { 'getting-started': ['add-tasks'] } };
    expect(checklistProgress(checklist, snapshotFacts(s, now)).items[1]).toEqual({ key: 'add-tasks', done: true });
  });
  it('reads the audience and reports completion', () => {
    let s = track(emptySnapshot(), 'Project Created', 'Task Created', 'Task Created', 'Task Created', 'Feature Used:integrations.slack', 'Report Exported');
    s = { ...s, account: { ...s.account, traits: { seats: 4 } }, user: { ...s.user, traits: { role: 'viewer' } } };
    const p = checklistProgress(checklist, snapshotFacts(s, now));
    expect(p).toMatchObject({ done: 5, total: 5, complete: true, audience: false });
    expect(p).not.toHaveProperty('next');
  });
});

describe('deriveFacts and milestonesReached', () => {
  it('reaches milestones whose conditions hold, through other milestones and checklists', () => {
    let s = started(track(emptySnapshot(), 'Project Created', 'Task Created', 'Task Created', 'Task Created'), 3);
    s = track(s, 'Report Exported', 'Report Exported', 'Report Exported');
    const base = snapshotFacts(s, now);
    expect(milestonesReached(config, base).map((m) => m.key)).toEqual(['activated']);
    const facts = deriveFacts(config, base);
    expect(milestonesReached(config, facts)).toEqual([
      { key: 'activated', scope: 'user', day: 3, onTime: true },
      { key: 'power-user', scope: 'user', day: 3, onTime: true },
    ]);
    expect(facts.checklistComplete('getting-started')).toBe(false);
    s = track(s, 'Teammate Invited', 'Teammate Invited', 'Feature Used:integrations.slack');
    const all = milestonesReached(config, deriveFacts(config, snapshotFacts(s, now)));
    expect(all.map((m) => [m.key, m.day, m.onTime])).toEqual([
      ['activated', 3, true],
      ['team-formed', 20, false],
      ['onboarded', 3, true],
      ['power-user', 3, true],
    ]);
  });
  it('reports an unknown day when the start is unknown, and unknown keys as not done', () => {
    const s = { ...emptySnapshot(), milestones: ['activated'] };
    const facts = deriveFacts(config, snapshotFacts(s, now));
    expect(milestonesReached(config, facts)).toEqual([{ key: 'activated', scope: 'user', day: undefined, onTime: undefined }]);
    expect([facts.milestoneReached('nope'), facts.checklistItemDone('nope', 'x'), facts.checklistComplete('nope')]).toEqual([false, false, false]);
  });
  it('cuts a reference cycle in an unvalidated config instead of looping', () => {
    const cyclic = { milestones: [{ ...config.milestones[0]!, condition: { milestone: 'activated' } }], checklists: [] };
    expect(deriveFacts(cyclic, snapshotFacts(emptySnapshot(), now)).milestoneReached('activated')).toBe(false);
  });
});

describe('settleProgress', () => {
  it('records what newly holds, once, and returns the same snapshot when nothing changed', () => {
    const s0 = started(emptySnapshot(), 1);
    const first = settleProgress(track(s0, 'Project Created'), config, now);
    expect(first.changes).toEqual({ milestones: [], items: [{ checklist: 'getting-started', item: 'create-project' }], completed: [] });
    expect(first.snapshot.items).toEqual({ 'getting-started': ['create-project'] });
    const again = settleProgress(first.snapshot, config, now);
    expect(again.snapshot).toBe(first.snapshot);
    const done = settleProgress(
      track(first.snapshot, 'Task Created', 'Task Created', 'Task Created', 'Teammate Invited', 'Feature Used:integrations.slack', 'Report Exported'),
      config,
      now,
    );
    expect(done.changes).toEqual({
      milestones: ['activated', 'onboarded'],
      items: ['add-tasks', 'invite', 'connect-slack', 'export-report'].map((item) => ({ checklist: 'getting-started', item })),
      completed: ['getting-started'],
    });
    expect(JSON.parse(JSON.stringify(done.snapshot))).toEqual(done.snapshot);
  });
});
