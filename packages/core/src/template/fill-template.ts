import { daysSince, type ConditionFacts } from '../condition/condition-facts.js';
import type { Milestone } from '../config/milestone.js';
import { parseTemplate, type TemplateValue } from './parse-template.js';

/** The milestones a personalised text may name. */
export type TemplateMilestones = readonly Pick<Milestone, 'key' | 'targetDay' | 'scope'>[];

/** What one slot reads, as text; undefined when unknown (an unset trait, an unknown start or milestone). */
function valueText(v: TemplateValue, facts: ConditionFacts, milestones: TemplateMilestones): string | undefined {
  if (v.kind === 'trait') {
    const t = facts.trait(v.scope, v.name);
    return typeof t === 'string' ? t || undefined : typeof t === 'number' && Number.isFinite(t) ? String(t) : typeof t === 'boolean' ? String(t) : undefined;
  }
  if (v.kind === 'count') {
    const n = facts.eventCount(v.event, v.scope);
    return String(typeof n === 'number' && Number.isFinite(n) ? n : 0);
  }
  const scope = v.kind === 'days' ? v.scope : milestones.find((m) => m.key === v.milestone)?.scope;
  const start = scope && facts.startedAt(scope);
  if (v.kind === 'days') return typeof start === 'number' ? String(daysSince(start, facts.now)) : undefined;
  const m = milestones.find((x) => x.key === v.milestone);
  if (!m) return undefined;
  if (v.kind === 'milestoneDay') return String(m.targetDay);
  return typeof start === 'number' ? String(Math.max(0, m.targetDay - daysSince(start, facts.now))) : undefined;
}

/**
 * A personalised text with each `{{…}}` replaced by what it reads for this user (see
 * `parseTemplate`), or its fallback, or nothing. Each value (and fallback) goes through `mark`, so
 * a renderer can keep it out of any markup: a value is always text, never markup or HTML. A text
 * that does not parse is returned as it is. Pure.
 */
export function fillTemplate(
  text: string,
  facts: ConditionFacts,
  milestones: TemplateMilestones,
  mark: (value: string, index: number) => string = (value) => value,
): string {
  if (!text.includes('{{')) return text;
  const parsed = parseTemplate(text);
  if ('error' in parsed) return text;
  let i = 0;
  return parsed.parts.map((p) => (typeof p === 'string' ? p : mark(valueText(p.value, facts, milestones) ?? p.fallback ?? '', i++))).join('');
}
