import { fillTemplate, noFacts, type ConditionFacts, type TemplateMilestones } from '@waymark/core';
import type { ComponentChild } from 'preact';
import { renderMarkdown, valueSlot } from './markdown.js';

/** Renders the config's texts for this user: `{{…}}` filled in (core's `fillTemplate`), values always as text. */
export interface Personal {
  /** A title or label: plain text. */
  text(s: string): string;
  /** A body or description: the markdown subset, with the values kept out of its markup. */
  md(s: string): ComponentChild[];
}

/** The texts for these facts; without facts (nothing loaded yet) every slot is its fallback. */
export function personal(facts: ConditionFacts | undefined, milestones: TemplateMilestones): Personal {
  const f = facts ?? noFacts(0);
  return {
    text: (s) => fillTemplate(s, f, milestones),
    md(s) {
      const values: string[] = [];
      return renderMarkdown(
        fillTemplate(s, f, milestones, (v, i) => {
          values[i] = v;
          return valueSlot(v, i);
        }),
        values,
      );
    },
  };
}
