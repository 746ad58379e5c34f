import { describe, expect, it } from 'vitest';
import { accountMessages, generatePopulation } from './insight-population.mjs';
import { localDateNumber } from './zone-date.mjs';

const now = Date.parse('2026-12-05T14:00:00Z');
const population = generatePopulation({ seed: 1, accounts: 60, now });
const dayOf = (a, ms) => localDateNumber(ms, a.timeZone) - localDateNumber(a.startAt, a.timeZone);
const coreEvents = (a) => [...accountMessages(a, now)].filter((m) => m.body.type === 'track');

describe('generatePopulation', () => {
  it('draws the kinds in their shares, healthy the largest', () => {
    const count = (kind) => population.accounts.filter((a) => a.kind === kind).length;
    expect([count('healthy'), count('slow-starter'), count('went-silent'), count('collapsed'), count('seats-unused'), count('never-started')]).toEqual([
      15, 9, 9, 9, 9, 9,
    ]);
  });

  it('keeps the labels within the brief: ages, onsets, seats', () => {
    for (const a of population.accounts) {
      expect(a.age).toBeGreaterThanOrEqual(20);
      expect(a.age).toBeLessThanOrEqual(120);
      expect(dayOf(a, now)).toBe(a.age);
      if (a.atRisk) expect(a.age - a.onset).toBeGreaterThanOrEqual(10);
      else expect(a.onset).toBeUndefined();
      if (a.kind === 'went-silent') expect(a.onset).toBeGreaterThanOrEqual(8);
      if (a.kind === 'collapsed') expect(a.onset).toBeGreaterThanOrEqual(20);
      if (a.kind === 'seats-unused') expect([a.onset, a.seats >= 8, a.users.length <= Math.ceil(0.3 * a.seats)]).toEqual([30, true, true]);
    }
  });

  it('is the same for the same seed, and the history ends before now', () => {
    const again = generatePopulation({ seed: 1, accounts: 60, now });
    expect(again.accounts.map((a) => [a.accountId, a.kind, a.onset, a.seats])).toEqual(population.accounts.map((a) => [a.accountId, a.kind, a.onset, a.seats]));
    const a = population.accounts[0];
    const ids = [...accountMessages(a, now)].map((m) => m.body.messageId);
    expect([...accountMessages(a, now)].map((m) => m.body.messageId)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...[...accountMessages(a, now)].map((m) => m.at))).toBeLessThan(now);
  });

  it('sends what each kind is: silence after onset, no core events for never-started', () => {
    for (const a of population.accounts.filter((x) => x.kind === 'went-silent')) {
      const events = coreEvents(a);
      expect(events.filter((m) => dayOf(a, m.at) >= a.onset)).toEqual([]);
      expect(events.length).toBeGreaterThan(0);
    }
    for (const a of population.accounts.filter((x) => x.kind === 'never-started')) {
      const messages = [...accountMessages(a, now)];
      expect(messages.filter((m) => m.body.type === 'track')).toEqual([]);
      expect(messages.filter((m) => m.body.type === 'group').map((m) => m.body.traits.seats)).toContain(a.seats);
    }
    // It generates every message of 18 accounts' histories: about 2 s on an idle 2-core machine.
  }, 30_000);
});
