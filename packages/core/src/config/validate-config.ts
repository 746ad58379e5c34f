import { conditionDepthProblem } from '../condition/condition-refs.js';
import { maxConditionDepth } from '../condition/condition.js';
import { inspectJson } from '../json-shape.js';
import { configErrorMap, configErrors, type ConfigError } from './config-error.js';
import { waymarkConfigSchema, type WaymarkConfig } from './config-schema.js';
import { formatPath } from './format-path.js';

/** The outcome of `validateConfig`. */
export type ConfigValidation = { ok: true; config: WaymarkConfig } | { ok: false; errors: ConfigError[] };

/** Largest config document accepted, in bytes of UTF-8 JSON. */
export const maxConfigBytes = 1024 * 1024;
const maxJsonDepth = 64;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, key: string): unknown => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined);

// Conditions nested too deep, found on the raw document before zod recurses into it.
function depthErrors(input: unknown): ConfigError[] {
  const roots: Array<[unknown, PropertyKey[]]> = [];
  list(field(input, 'milestones')).forEach((m, i) => {
    roots.push([field(m, 'condition'), ['milestones', i, 'condition']]);
  });
  list(field(input, 'checklists')).forEach((c, i) => {
    roots.push([field(c, 'audience'), ['checklists', i, 'audience']]);
    roots.push([field(field(c, 'trigger'), 'audience'), ['checklists', i, 'trigger', 'audience']]);
    list(field(c, 'items')).forEach((it, j) => {
      roots.push([field(it, 'done'), ['checklists', i, 'items', j, 'done']]);
    });
  });
  list(field(input, 'guides')).forEach((g, i) => {
    roots.push([field(field(g, 'trigger'), 'audience'), ['guides', i, 'trigger', 'audience']]);
  });
  list(field(input, 'gates')).forEach((g, i) => {
    roots.push([field(g, 'unlock'), ['gates', i, 'unlock']]);
  });
  return roots.flatMap(([value, path]) => {
    const deep = conditionDepthProblem(value, path);
    return deep
      ? [{ path: formatPath(deep), message: `nests "all", "any" and "not" deeper than ${maxConditionDepth} levels; flatten it or name a part as a milestone` }]
      : [];
  });
}

/**
 * Checks a config document (parsed JSON) and returns it with defaults filled in, or every
 * problem found with its JSON path and a plain explanation. Never throws.
 */
export function validateConfig(input: unknown): ConfigValidation {
  const shape = inspectJson(input, '', maxJsonDepth);
  if (shape.problem) return { ok: false, errors: [{ path: shape.problem.path, message: shape.problem.reason }] };
  if (shape.bytes > maxConfigBytes) return { ok: false, errors: [{ path: '', message: `is ${shape.bytes} bytes; a config can be at most ${maxConfigBytes}` }] };
  const deep = depthErrors(input);
  const parsed = waymarkConfigSchema.safeParse(input, { error: configErrorMap });
  if (parsed.success && deep.length === 0) return { ok: true, config: parsed.data };
  const errors = [...deep, ...(parsed.success ? [] : configErrors(parsed.error.issues, input))];
  const seen = new Set<string>();
  return { ok: false, errors: errors.filter((e) => !seen.has(`${e.path}\n${e.message}`) && seen.add(`${e.path}\n${e.message}`)) };
}
