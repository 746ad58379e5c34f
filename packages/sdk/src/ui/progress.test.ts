import { emptySnapshot, validateConfig, type WaymarkConfig } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { activeGuide, applyMessage, localProgress, mergeProgress } from './progress.js';

// What these tests need of an onboarding: items done by an event, by a count, by an event or a
// trait, by a tagged feature; a milestone reached with the checklist.
const valid = validateConfig({
  version: 1,
  features: [{ key: 'integrations.slack', name: 'Slack', tier: 'advanced' }],
  milestones: [{ key: 'onboarded', name: 'Onboarded', scope: 'user', targetDay: 14, condition: { checklist: 'getting-started' } }],
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      items: [
        { key: 'create-project', title: 'Project', done: { event: 'Project Created' } },
        { key: 'add-tasks', title: 'Tasks', done: { event: 'Task Created', count: { gte: 3 } } },
        { key: 'invite', title: 'Team', done: { any: [{ event: 'Teammate Invited' }, { trait: 'seats', scope: 'account', op: 'gte', value: 2 }] } },
        { key: 'connect-slack', title: 'Slack', done: { event: 'Feature Used:integrations.slack' } },
      ],
    },
  ],
  guides: [],
});
if (!valid.ok) throw new Error(`config invalid: ${JSON.stringify(valid.errors)}`);
const config: WaymarkConfig = valid.config;
const now = Date.UTC(2026, 2, 10, 10, 30);

describe('progress', () => {
  it('joins the collector state with local progress: recorded progress only grows, later guide positions win', () => {
    const server = {
      snapshot: { ...emptySnapshot(), items: { 'getting-started': ['create-project'] }, completed: [] },
      guides: { 'add-tasks': { status: 'active' as const, step: 'add', at: new Date(now).toISOString() } },
      dismissed: [],
    };
    const local = {
      user: 'u1',
      items: { 'getting-started': ['invite'] },
      completed: [],
      milestones: ['activated'],
      dismissed: ['other'],
      guides: { 'add-tasks': { status: 'completed' as const, at: now + 1000 }, 'create-project': { status: 'dismissed' as const, at: now - 1 } },
    };
    const p = mergeProgress(server, local, { role: 'admin' });
    expect(p.snapshot.items['getting-started']).toEqual(['create-project', 'invite']);
    expect(p.snapshot.milestones).toEqual(['activated']);
    expect(p.snapshot.user.traits).toEqual({ role: 'admin' });
    expect(p.dismissed).toEqual(['other']);
    expect(p.guides['add-tasks']?.status).toBe('completed');
    expect(activeGuide(p)).toBeUndefined();
    expect(localProgress(p, 'u1')).toMatchObject({ user: 'u1', items: p.snapshot.items, dismissed: ['other'] });
  });

  it('works without any state', () => {
    const p = mergeProgress(undefined, undefined, {});
    expect(p.snapshot).toEqual(emptySnapshot());
    expect(activeGuide({ ...p, guides: { a: { status: 'active', at: 1 }, b: { status: 'active', step: 's', at: 2 } } })).toEqual([
      'b',
      { status: 'active', step: 's', at: 2 },
    ]);
  });

  it('completes an item the moment its event is tracked, and the checklist and milestone with the last one', () => {
    let p = mergeProgress(undefined, undefined, {});
    let r = applyMessage(p, config, { type: 'track', event: 'Project Created' }, now);
    expect(r.changes.items).toEqual([{ checklist: 'getting-started', item: 'create-project' }]);
    p = r.progress;
    r = applyMessage(p, config, { type: 'track', event: 'Project Created' }, now);
    expect(r.changes.items).toEqual([]);
    for (const event of ['Task Created', 'Task Created', 'Task Created', 'Teammate Invited', 'Report Exported'])
      p = applyMessage(p, config, { type: 'track', event }, now).progress;
    r = applyMessage(p, config, { type: 'track', event: 'Feature Used', properties: { feature: 'integrations.slack' } }, now);
    expect(r.changes.items).toEqual([{ checklist: 'getting-started', item: 'connect-slack' }]);
    expect(r.changes.completed).toEqual(['getting-started']);
    expect(r.changes.milestones).toContain('onboarded');
  });

  it('applies identify and group traits to the user and the account', () => {
    const p = mergeProgress(undefined, undefined, {});
    const r = applyMessage(p, config, { type: 'group', traits: { seats: 3 } }, now);
    expect(r.progress.snapshot.account.traits).toEqual({ seats: 3 });
    expect(r.changes.items).toEqual([{ checklist: 'getting-started', item: 'invite' }]);
    expect(applyMessage(p, config, { type: 'identify', traits: { role: 'viewer' } }, now).progress.snapshot.user.traits).toEqual({ role: 'viewer' });
  });
});
