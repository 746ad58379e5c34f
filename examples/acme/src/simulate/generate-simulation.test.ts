import { onboardingEvents, validateConfig, type WaymarkConfig } from '@waymark/core';
import { beforeAll, describe, expect, it } from 'vitest';
import acmeConfig from '../../waymark.config.js';
import { nameParts } from './name-parts.js';
import { generateSimulation, type Simulation } from './generate-simulation.js';
import { messageJson } from './message-json.js';
import type { SimMessage, SimulationOptions } from './simulation-types.js';

const dayMs = 86_400_000;
const now = Date.parse('2026-11-20T17:30:00Z');
const defaults: SimulationOptions = { seed: 1, accounts: 200, users: 2000, days: 90, now };

function loadConfig(): WaymarkConfig {
  const checked = validateConfig(acmeConfig);
  if (!checked.ok) throw new Error(`waymark.config.ts is invalid: ${JSON.stringify(checked.errors)}`);
  return checked.config;
}

const event = (m: SimMessage) => (m.body.type === 'track' ? String(m.body['event']) : undefined);
const groupOf = (m: SimMessage) => (m.body['context'] as { groupId: string }).groupId;

describe('generateSimulation', () => {
  let config: WaymarkConfig;
  let sim: Simulation;
  const accountOf = new Map<string, Simulation['accounts'][number]>();
  const byAccount = new Map<string, SimMessage[]>();
  const ofKind = (kind: string) => sim.accounts.filter((a) => a.archetype === kind);

  beforeAll(() => {
    config = loadConfig();
    sim = generateSimulation(defaults, config);
    for (const a of sim.accounts) accountOf.set(a.id, a);
    for (const m of sim.messages) {
      const list = byAccount.get(groupOf(m)) ?? [];
      list.push(m);
      byAccount.set(groupOf(m), list);
    }
  });

  it('is deterministic for a seed and different for another', () => {
    const options = { ...defaults, accounts: 30, users: 300 };
    const first = generateSimulation(options, config);
    const again = generateSimulation(options, config);
    expect(again.messages.length).toBe(first.messages.length);
    const differing = first.messages.filter((m, i) => messageJson(m) !== messageJson(again.messages[i]!));
    expect(differing).toEqual([]);
    expect(again.accounts).toEqual(first.accounts);
    const other = generateSimulation({ ...options, seed: 2 }, config);
    expect(other.messages.length).not.toBe(first.messages.length);
    expect(other.accounts.map((a) => a.traits.name)).not.toEqual(first.accounts.map((a) => a.traits.name));
  });

  it('makes exactly the accounts and users asked for, every user seen, with the traits CSMs filter on', () => {
    expect(sim.accounts).toHaveLength(200);
    expect(sim.users).toHaveLength(2000);
    expect(new Set(sim.messages.map((m) => m.body.userId)).size).toBe(2000);
    expect(new Set(sim.messages.map(groupOf)).size).toBe(200);
    expect(new Set(sim.messages.map((m) => m.body.messageId)).size).toBe(sim.messages.length);
    for (const a of sim.accounts) {
      expect(a.traits.name).toMatch(/\w+ \w+/);
      expect(a.createdAt).toBeGreaterThanOrEqual(now - 90 * dayMs);
      expect(a.createdAt).toBeLessThan(now);
      expect(a.traits.seats).toBeGreaterThanOrEqual(sim.users.filter((u) => u.account === a).length);
      expect(['starter', 'business', 'enterprise']).toContain(a.traits.plan);
      expect(['smb', 'mid-market', 'enterprise']).toContain(a.traits.segment);
      expect(nameParts.csmOwners).toContain(a.traits.csmOwner);
      expect(a.traits.timezone).toMatch(/^\w+\/\w+$/);
    }
    // Day 0 is spread over the 90 days: accounts in each month of their first 90 days.
    const ages = sim.accounts.map((a) => (now - a.createdAt) / dayMs);
    for (const [from, to] of [
      [0, 30],
      [30, 60],
      [60, 90],
    ] as const)
      expect(ages.filter((d) => d >= from && d < to).length).toBeGreaterThan(30);
    for (const kind of ['fast-adopter', 'steady', 'slow-starter', 'stalled', 'seat-underuse', 'usage-collapse']) expect(ofKind(kind).length).toBeGreaterThan(5);
  });

  it('sends identify and group with the traits, and only event names Acme and the SDK really send', () => {
    const first = sim.messages.find((m) => m.body.type === 'group')!;
    expect(first.body['traits']).toEqual(accountOf.get(String(first.body['groupId']))!.traits);
    const identify = sim.messages.find((m) => m.body.type === 'identify')!;
    expect(Object.keys(identify.body['traits'] as object).sort()).toEqual(['createdAt', 'email', 'name', 'role']);
    const app = [
      'Project Created',
      'Project Renamed',
      'Task Added',
      'Task Completed',
      'Teammate Invited',
      'Settings Saved',
      'Report Exported',
      'Automation Created',
      'Feature Used',
    ];
    const allowed = new Set<string>([...app, ...Object.values(onboardingEvents)]);
    const seen = new Set(sim.messages.map(event).filter((e) => e !== undefined));
    for (const name of seen) expect(allowed).toContain(name);
    for (const name of [
      'Project Created',
      'Task Added',
      'Teammate Invited',
      'Settings Saved',
      'Report Exported',
      'Feature Used',
      'Checklist Item Completed',
      'Guide Started',
      'Guide Step Viewed',
      'Guide Completed',
      'Guide Dismissed',
      'User Stuck',
      'Nudge Shown',
      'Nudge Clicked',
      'Milestone Reached',
      'Gate Unlocked',
      'Gate Blocked',
      'Experience Started',
      'Announcement Seen',
      'Announcement Clicked',
      'Announcement Dismissed',
    ]) {
      expect(seen).toContain(name);
    }
    expect(sim.messages.some((m) => m.body.type === 'page')).toBe(true);
  });

  it('names only checklist items, guides, nudges and milestones of the config', () => {
    const items = new Set(config.checklists.flatMap((c) => c.items.map((i) => i.key)));
    const guides = new Set(config.guides.map((g) => g.key));
    const nudges = new Set(config.nudges.map((n) => n.key));
    const milestones = new Set(config.milestones.map((m) => m.key));
    const unknown: unknown[] = [];
    for (const m of sim.messages) {
      const name = event(m) ?? '';
      const p = (m.body['properties'] ?? {}) as Record<string, unknown>;
      if (name === onboardingEvents.checklistItemCompleted && !items.has(String(p['item']))) unknown.push(p);
      if (name.startsWith('Guide ') && !guides.has(String(p['guide']))) unknown.push(p);
      if (name.startsWith('Nudge ') && !nudges.has(String(p['nudge']))) unknown.push(p);
      if (name === onboardingEvents.milestoneReached && !milestones.has(String(p['milestone']))) unknown.push(p);
    }
    expect(unknown).toEqual([]);
  });

  it('keeps time in order, inside the history, busier on weekdays and in working hours of the account', () => {
    let previous = 0;
    let weekday = 0;
    let weekend = 0;
    let working = 0;
    const outOfPlace: SimMessage[] = [];
    for (const m of sim.messages) {
      const account = accountOf.get(groupOf(m))!;
      // (Counted, not asserted per message: 250,000 expect() calls take 20 s.)
      if (m.at < previous || m.at < account.createdAt || m.at > now) outOfPlace.push(m);
      previous = m.at;
      const local = new Date(m.at + account.utcOffsetMinutes * 60_000);
      if (local.getUTCDay() === 0 || local.getUTCDay() === 6) weekend += 1;
      else weekday += 1;
      if (local.getUTCHours() >= 7 && local.getUTCHours() < 21) working += 1;
    }
    expect(outOfPlace).toEqual([]);
    // Per day: five weekdays against two weekend days.
    expect(weekday / 5 / (weekend / 2)).toBeGreaterThan(4);
    expect(working / sim.messages.length).toBeGreaterThan(0.9);
  });

  it('usage collapse: the last two weeks are well below the weeks before', () => {
    const accounts = ofKind('usage-collapse');
    let recent = 0;
    let before = 0;
    let collapsed = 0;
    for (const a of accounts) {
      const ms = byAccount.get(a.id) ?? [];
      const r = ms.filter((m) => m.at > now - 14 * dayMs).length / 14;
      const b = ms.filter((m) => m.at <= now - 21 * dayMs && m.at > now - 42 * dayMs).length / 21;
      recent += r;
      before += b;
      if (r < 0.4 * b) collapsed += 1;
    }
    expect(recent).toBeLessThan(0.25 * before);
    expect(collapsed / accounts.length).toBeGreaterThan(0.8);
  });

  it('stalled after setup: active at first, then quiet, and never past the early milestones', () => {
    const stalled = ofKind('stalled');
    const late = new Set(['onboarded', 'power-user']);
    for (const a of stalled) {
      const ms = byAccount.get(a.id) ?? [];
      const reached = ms.filter((m) => event(m) === onboardingEvents.milestoneReached).map((m) => (m.body['properties'] as { milestone: string }).milestone);
      expect(reached.filter((k) => late.has(k))).toEqual([]);
      expect(ms.filter((m) => event(m) === onboardingEvents.checklistCompleted)).toEqual([]);
      expect(ms.filter((m) => event(m) === 'Report Exported')).toEqual([]);
      // "Team formed" needs two invites in the account.
      expect(ms.filter((m) => event(m) === 'Teammate Invited').length).toBeLessThan(2);
      const firstWeek = ms.filter((m) => m.at < a.createdAt + 7 * dayMs).length;
      const after = ms.filter((m) => m.at >= a.createdAt + 14 * dayMs).length;
      const laterDays = Math.max(1, (now - a.createdAt) / dayMs - 14);
      expect(after / laterDays).toBeLessThan(firstWeek / 7);
    }
  });

  it('fast adopters reach activation sooner than slow starters, and seat under-use leaves seats empty', () => {
    const activationDay = (kind: string) => {
      const days: number[] = [];
      for (const a of ofKind(kind)) {
        for (const m of byAccount.get(a.id) ?? []) {
          if (event(m) === onboardingEvents.milestoneReached && (m.body['properties'] as { milestone: string }).milestone === 'activated')
            days.push((m.at - a.createdAt) / dayMs);
        }
      }
      days.sort((x, y) => x - y);
      return days[Math.floor(days.length / 2)] ?? Infinity;
    };
    expect(activationDay('fast-adopter')).toBeLessThan(activationDay('slow-starter'));
    // Seat activation: users with a core event over licensed seats.
    const seatActivation = (kind: string) => {
      const shares = ofKind(kind).map((a) => {
        const active = new Set(
          (byAccount.get(a.id) ?? []).filter((m) => ['Task Added', 'Project Created', 'Task Completed'].includes(event(m) ?? '')).map((m) => m.body.userId),
        );
        return active.size / a.traits.seats;
      });
      return shares.reduce((x, y) => x + y, 0) / shares.length;
    };
    expect(seatActivation('seat-underuse')).toBeLessThan(0.3);
    expect(seatActivation('fast-adopter')).toBeGreaterThan(0.6);
  });
});
