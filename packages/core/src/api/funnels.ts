import { z } from 'zod';
import { count } from './wire.js';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

/** The query of `GET /v1/admin/funnels`. */
export const funnelsQuerySchema = z.object({
  accountId: z.string().min(1).max(200, 'must be at most 200 characters').optional().describe('Only this account.'),
  from: instant.optional().describe('Guide events at or after (ISO date-time).'),
  to: instant.optional().describe('Guide events before (ISO date-time).'),
});

const rate = z.number().optional().describe('Absent when its denominator is 0.');

/** A guide's funnel: distinct users per stage and the conversions. */
export const guideFunnelSchema = z.strictObject({
  guide: z.string(),
  stepKeys: z.array(z.string()).describe('The steps, in config order.'),
  started: count,
  steps: z.array(count).describe('Users who viewed each step.'),
  completed: count,
  dismissed: count,
  errored: count,
  stepConversion: z.array(z.strictObject({ step: count, count, fromStart: rate, fromPrevious: rate })),
  completionRate: rate,
  dismissRate: rate,
  errorRate: rate,
});

/** A checklist's completion by the identified users in scope. */
export const checklistFunnelSchema = z.strictObject({
  checklist: z.string(),
  users: count,
  completed: count,
  rate,
  itemRate: rate,
  items: z.array(z.strictObject({ item: z.string(), users: count })),
});

/** The `GET /v1/admin/funnels` answer. */
export const funnelsSchema = z.strictObject({ guides: z.array(guideFunnelSchema), checklists: z.array(checklistFunnelSchema) });

/** Guide funnels and checklist completion. */
export type Funnels = z.output<typeof funnelsSchema>;
