import type { Scope } from '../condition/condition.js';

/** What one `{{…}}` of a personalised text reads. */
export type TemplateValue =
  | { kind: 'trait'; scope: Scope; name: string }
  | { kind: 'count'; event: string; scope: Scope }
  | { kind: 'days'; scope: Scope }
  | { kind: 'milestoneDay'; milestone: string }
  | { kind: 'daysLeft'; milestone: string };

/** One `{{…}}`: what it reads, and the text shown when that is unknown (`| 'there'`). */
export interface TemplateSlot {
  value: TemplateValue;
  fallback?: string | undefined;
}

/** A personalised text split into literal text and slots, in order. */
export type TemplatePart = string | TemplateSlot;

const quoted = String.raw`'([^']*)'|"([^"]*)"`;
const scope = String.raw`(?:\s+(user|account))?`;
const forms: Array<[RegExp, (m: RegExpExecArray) => TemplateValue]> = [
  [/^(user|account)\.([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*)$/, (m) => ({ kind: 'trait', scope: m[1] as Scope, name: m[2]! })],
  [new RegExp(`^count\\s+(?:${quoted})${scope}$`), (m) => ({ kind: 'count', event: (m[1] ?? m[2])!, scope: (m[3] ?? 'user') as Scope })],
  [new RegExp(`^days${scope}$`), (m) => ({ kind: 'days', scope: (m[1] ?? 'user') as Scope })],
  [new RegExp(`^milestoneDay\\s+(?:${quoted})$`), (m) => ({ kind: 'milestoneDay', milestone: (m[1] ?? m[2])! })],
  [new RegExp(`^daysLeft\\s+(?:${quoted})$`), (m) => ({ kind: 'daysLeft', milestone: (m[1] ?? m[2])! })],
];
const fallbackForm = new RegExp(`^(.*?)\\s*\\|\\s*(?:${quoted})$`);

/**
 * Splits a personalised text at its `{{…}}` slots: `{{user.name | 'there'}}`, `{{account.plan}}`,
 * `{{count 'Project Created'}}` (`account` after it for the account's), `{{days}}` (since the user
 * started; `{{days account}}`), `{{milestoneDay 'activated'}}` (its target day) and
 * `{{daysLeft 'activated'}}` (days until it). Returns the parts, or what is wrong with a slot.
 */
export function parseTemplate(text: string): { parts: TemplatePart[] } | { error: string } {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{', at);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return { error: `"{{" at ${open} is not closed with "}}"` };
    if (open > at) parts.push(text.slice(at, open));
    const inner = text.slice(open + 2, close).trim();
    const withFallback = fallbackForm.exec(inner);
    const expr = withFallback ? withFallback[1]! : inner;
    const form = forms.find(([re]) => re.test(expr));
    if (!form) {
      return {
        error: `"{{${inner}}}" is not a personalisation: use user.<trait>, account.<trait>, count '<event>', days, milestoneDay '<milestone>' or daysLeft '<milestone>', optionally with | '<fallback>'`,
      };
    }
    parts.push({ value: form[1](form[0].exec(expr)!), fallback: withFallback ? (withFallback[2] ?? withFallback[3]) : undefined });
    at = close + 2;
  }
  if (at < text.length) parts.push(text.slice(at));
  return { parts };
}
