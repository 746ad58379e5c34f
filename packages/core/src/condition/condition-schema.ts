import { z } from 'zod';
import { limits } from '../limits.js';
import { configKey } from '../config/config-key.js';
import { urlPattern } from '../page/url-pattern-schema.js';
import { conditionKinds, type Condition } from './condition.js';

const scope = z.enum(['user', 'account']);
const count = z.number().int('must be a whole number').min(0, 'must be at least 0').max(1e9, 'must be at most 1000000000');

const comparison = z
  .strictObject({ gte: count.optional(), gt: count.optional(), lte: count.optional(), lt: count.optional(), eq: count.optional() })
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'needs at least one of gte, gt, lte, lt, eq');

const within = z
  .strictObject({
    days: z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365').optional(),
    hours: z.number().int('must be a whole number').min(1, 'must be at least 1').max(8760, 'must be at most 8760 (365 days)').optional(),
  })
  .refine((w) => (w.days === undefined) !== (w.hours === undefined), 'needs exactly one of days, hours');

const traitValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, number, boolean or null',
});

const eventNode = z.strictObject({
  event: z.string().min(1, 'must not be empty').max(limits.maxEventNameLength),
  count: comparison.optional(),
  within: within.optional(),
  scope: scope.optional(),
});

const traitNode = z
  .strictObject({
    trait: z.string().min(1, 'must not be empty').max(200),
    op: z.enum(['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'exists', 'contains']),
    value: z.union([traitValue, z.array(traitValue).max(1000)], { error: 'must be a string, number, boolean, null or an array of them' }).optional(),
    scope: scope.optional(),
    trusted: z.boolean().optional(),
  })
  .superRefine((t, ctx) => {
    const v = t.value;
    const problem =
      t.op === 'exists'
        ? v !== undefined && '"exists" takes no value (wrap it in "not" for "does not exist")'
        : v === undefined
          ? `"${t.op}" needs a value`
          : t.op === 'in' || t.op === 'nin'
            ? !Array.isArray(v) && `"${t.op}" needs an array of values`
            : Array.isArray(v)
              ? `"${t.op}" needs a single value, not an array`
              : ['gt', 'gte', 'lt', 'lte'].includes(t.op) && typeof v !== 'number' && typeof v !== 'string'
                ? `"${t.op}" needs a number or a string (strings compare in text order, e.g. ISO dates)`
                : false;
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

/**
 * The message of an `invalid_union` issue raised by the condition schema. The issue formatter
 * looks for it to explain the branch the author meant (the node's kind key) instead of all eight.
 */
export const conditionUnionMessage = `must be a condition: an object with one of ${conditionKinds.map((k) => `"${k}"`).join(', ')}`;

/**
 * The condition language as a zod schema (recursive). It does not cap nesting depth: callers
 * check `conditionDepthProblem` first (validateConfig does).
 */
export const conditionSchema: z.ZodType<Condition, Condition> = z.union(
  [
    eventNode,
    traitNode,
    z.strictObject({ milestone: configKey }),
    z.strictObject({ checklist: configKey, item: configKey.optional() }),
    z.strictObject({ daysSinceStart: comparison, scope: scope.optional() }),
    z.strictObject({
      page: z
        .string()
        .max(500, 'must be at most 500 characters')
        .refine((p) => p === '*' || urlPattern.test(p), 'must be "*" (any page) or a URL path pattern such as "/app/projects/:id" or "/#/active"'),
      query: z
        .record(z.string().min(1, 'must not be empty').max(200), z.string().max(1000, 'must be at most 1000 characters'))
        .refine((q) => Object.keys(q).length <= 20, 'must name at most 20 parameters')
        .optional(),
      title: z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
    }),
    z.strictObject({
      get all() {
        return z.array(conditionSchema).max(100, 'must hold at most 100 conditions');
      },
    }),
    z.strictObject({
      get any() {
        return z.array(conditionSchema).max(100, 'must hold at most 100 conditions');
      },
    }),
    z.strictObject({
      get not() {
        return conditionSchema;
      },
    }),
  ],
  { error: conditionUnionMessage },
);
