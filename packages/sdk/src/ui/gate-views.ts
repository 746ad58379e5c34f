import { gateState, type ConditionFacts, type WaymarkConfig } from '@waymark/core';
import type { GateLockState, GateView } from '../gate-lock.js';

/**
 * Every gate of the config as the user stands on it: core's `gateState` (the evaluator
 * `GET /v1/gates` uses too) with the user's CSM override, and the titles of the items left.
 */
export function gateViews(config: WaymarkConfig, facts: ConditionFacts, overrides: Record<string, 'unlock' | 'lock'> = {}): GateView[] {
  return config.gates.map((g) => {
    const s = gateState(g, facts, { user: overrides[g.key] }, config.checklists);
    const title = (c: string, i: string) => config.checklists.find((x) => x.key === c)?.items.find((x) => x.key === i)?.title ?? i;
    return { ...s, locked: g.locked, todo: s.todo.map((t) => ({ ...t, title: title(t.checklist, t.item) })) };
  });
}

// How a locked feature looks; "--waymark-lock" (any CSS content value) replaces the padlock badge.
const looks = { hide: '{display:none!important}', disable: '{opacity:.55!important;cursor:not-allowed!important}', teaser: '{cursor:help!important}' };
const badge = '::after{content:var(--waymark-lock,"\\1F512");margin-inline-start:.35em}';

/** The tracker's lock for these views: the stylesheet for locked controls, their selector, the views by key. */
export function gateLockState(views: GateView[]): GateLockState {
  const locked = views.filter((v) => !v.unlocked);
  const sel = (v: GateView) => `[data-waymark-gate="${v.key}"]`;
  const css = locked.map((v) => sel(v) + looks[v.locked] + (v.locked === 'hide' ? '' : sel(v) + badge)).join('');
  const all = locked.map(sel).join();
  return {
    css,
    sel: all,
    pre: all && `${css}${all}{pointer-events:none!important}`,
    views: Object.fromEntries(views.map((v) => [v.key, v])),
  };
}
