import type { z } from 'zod';
import type { WaymarkConfig } from '../config/config-schema.js';
import { parseTemplate } from './parse-template.js';

type Texts = Pick<WaymarkConfig, 'checklists' | 'guides' | 'nudges' | 'gates' | 'announcements'>;

/** Every text that may be personalised, with its path: titles and bodies users read. */
export function personalisedTexts(config: Texts): Array<[text: string | undefined, path: PropertyKey[]]> {
  return [
    ...config.checklists.flatMap((c, i) => [
      [c.title, ['checklists', i, 'title']] as [string, PropertyKey[]],
      [c.description, ['checklists', i, 'description']] as [string | undefined, PropertyKey[]],
      ...c.items.flatMap((it, j) => [
        [it.title, ['checklists', i, 'items', j, 'title']] as [string, PropertyKey[]],
        [it.description, ['checklists', i, 'items', j, 'description']] as [string | undefined, PropertyKey[]],
      ]),
    ]),
    ...config.guides.flatMap((g, i) =>
      g.steps.flatMap((s, j) => [
        [s.title, ['guides', i, 'steps', j, 'title']] as [string, PropertyKey[]],
        [s.body, ['guides', i, 'steps', j, 'body']] as [string, PropertyKey[]],
      ]),
    ),
    ...config.nudges.flatMap((n, i) => [
      [n.title, ['nudges', i, 'title']] as [string | undefined, PropertyKey[]],
      [n.body, ['nudges', i, 'body']] as [string | undefined, PropertyKey[]],
    ]),
    ...config.gates.flatMap((g, i) => [
      [g.hint?.title, ['gates', i, 'hint', 'title']] as [string | undefined, PropertyKey[]],
      [g.hint?.body, ['gates', i, 'hint', 'body']] as [string | undefined, PropertyKey[]],
    ]),
    ...config.announcements.flatMap((a, i) => [
      [a.title, ['announcements', i, 'title']] as [string, PropertyKey[]],
      [a.body, ['announcements', i, 'body']] as [string, PropertyKey[]],
    ]),
  ];
}

/** Reports personalisations that do not parse, or that name a milestone the config does not define. */
export function templateReferences(config: Texts, milestones: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  for (const [text, path] of personalisedTexts(config)) {
    if (!text?.includes('{{')) continue;
    const parsed = parseTemplate(text);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', path, message: parsed.error });
      continue;
    }
    for (const p of parsed.parts) {
      if (typeof p !== 'string' && 'milestone' in p.value && !milestones.has(p.value.milestone))
        ctx.addIssue({ code: 'custom', path, message: `milestone "${p.value.milestone}" is not defined in milestones` });
    }
  }
}
