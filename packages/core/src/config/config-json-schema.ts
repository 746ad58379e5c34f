import { z } from 'zod';
import { conditionSchema } from '../condition/condition-schema.js';
import { waymarkConfigSchema } from './config-schema.js';

/**
 * The JSON Schema (draft 2020-12) of the config document as authored, for editor completion
 * (`"$schema"` in the file). It checks shapes; cross references are checked by `validateConfig`.
 */
export function configJsonSchema(): Record<string, unknown> {
  // A local registry names the recursive condition `#/$defs/Condition` without touching zod's global one.
  const names = z.registry<{ id?: string; description?: string }>();
  names.add(conditionSchema, {
    id: 'Condition',
    description: 'A condition: an object with exactly one of event, trait, milestone, checklist, daysSinceStart, all, any, not.',
  });
  const schema = z.toJSONSchema(waymarkConfigSchema, { io: 'input', metadata: names, unrepresentable: 'any' });
  return { ...schema, title: 'Waymark config', description: 'One Waymark app config: features, milestones, checklists and guides.' };
}
