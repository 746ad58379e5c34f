import { describe, expect, it } from 'vitest';
import type { ConditionFacts } from '../condition/condition-facts.js';
import { validateConfig } from '../config/validate-config.js';
import { fillTemplate } from './fill-template.js';
import { parseTemplate } from './parse-template.js';

const day = 86_400_000;
const now = Date.UTC(2026, 3, 10, 12);
const facts: ConditionFacts = {
  now,
  eventCount: (key, scope) => (key === 'Project Created' ? (scope === 'account' ? 7 : 2) : 0),
  trait: (scope, name) =>
    (({ user: { name: 'Dana', empty: '', admin: true, obj: { a: 1 } }, account: { plan: 'pro', seats: 12 } }) as Record<string, Record<string, unknown>>)[
      scope
    ]![name],
  startedAt: (scope) => (scope === 'user' ? now - 3 * day - 1000 : undefined),
  milestoneReached: () => false,
  checklistItemDone: () => false,
  checklistComplete: () => false,
};
const milestones = [
  { key: 'activated', targetDay: 7, scope: 'user' as const },
  { key: 'team', targetDay: 30, scope: 'account' as const },
];
const fill = (text: string) => fillTemplate(text, facts, milestones);

describe('fillTemplate', () => {
  it('fills traits, counts, days since start and milestone days', () => {
    expect(fill('Hi {{user.name}}, on {{ account.plan }} with {{account.seats}} seats')).toBe('Hi Dana, on pro with 12 seats');
    expect(fill("Your team created {{count 'Project Created' account}} projects, you {{count 'Project Created'}}")).toBe('Your team created 7 projects, you 2');
    expect(fill('{{count "Nothing"}}')).toBe('0');
    expect(fill('Day {{days}}')).toBe('Day 3');
    expect(fill("Activate by day {{milestoneDay 'activated'}}: {{daysLeft 'activated'}} days left")).toBe('Activate by day 7: 4 days left');
    expect(fill('{{user.admin}}')).toBe('true');
    expect(fill('no slots')).toBe('no slots');
  });
  it('uses the fallback when the value is unknown: unset, empty, not text, or no start', () => {
    expect(fill("Hi {{user.nickname | 'there'}}")).toBe('Hi there');
    expect(fill('Hi {{user.empty | "friend"}}')).toBe('Hi friend');
    expect(fill("{{user.obj | '?'}}")).toBe('?');
    expect(fill("{{days account | 'a few'}} days")).toBe('a few days');
    expect(fill("{{daysLeft 'team' | 'some'}}")).toBe('some');
    expect(fill('Hi {{user.nickname}}!')).toBe('Hi !');
    expect(fill("{{user.name | 'there'}}")).toBe('Dana');
  });
  it('hands every value to mark (a renderer keeps them out of markup), and leaves a broken text as it is', () => {
    const marked: string[] = [];
    expect(fillTemplate("A {{user.name}} B {{user.x | '**'}}", facts, milestones, (v, i) => (marked.push(v), `<${i}>`))).toBe('A <0> B <1>');
    expect(marked).toEqual(['Dana', '**']);
    expect(fill('{{user.name')).toBe('{{user.name');
  });
});

describe('parseTemplate', () => {
  it('names what is wrong', () => {
    expect(parseTemplate('{{user.name')).toEqual({ error: '"{{" at 0 is not closed with "}}"' });
    expect('error' in parseTemplate('{{name}}')).toBe(true);
    expect('error' in parseTemplate('{{count Project}}')).toBe(true);
    expect('error' in parseTemplate('{{user.name | there}}')).toBe(true);
    expect(parseTemplate("a{{user.name|'x'}}b")).toEqual({ parts: ['a', { value: { kind: 'trait', scope: 'user', name: 'name' }, fallback: 'x' }, 'b'] });
  });
  it('is checked by validateConfig in the texts users read, with milestones that must exist', () => {
    const doc = (title: string, body: string) => ({
      version: 1,
      milestones: [{ key: 'activated', name: 'A', scope: 'user', targetDay: 7, condition: { event: 'X' } }],
      guides: [{ key: 'g', title: 'G', steps: [{ key: 's', title, body }] }],
    });
    expect(validateConfig(doc("Hi {{user.name | 'there'}}", "Day {{days}} of {{milestoneDay 'activated'}}")).ok).toBe(true);
    const r = validateConfig(doc('Hi {{name}}', "{{daysLeft 'activate'}}"));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['guides[0].steps[0].title', 'guides[0].steps[0].body']);
    expect(r.ok ? '' : r.errors[1]!.message).toBe('milestone "activate" is not defined in milestones');
  });
});
