import { z } from 'zod';

const text = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const day = z.coerce.number().int('must be a whole number').min(0, 'must be at least 0').max(100_000);

/** The query of `GET /v1/admin/portfolio` (and of the CSV export, which ignores page and limit). */
export const portfolioFilter = z.object({
  dayMin: day.optional(),
  dayMax: day.optional(),
  band: z.enum(['red', 'yellow', 'green'], { error: 'must be red, yellow or green' }).optional(),
  flag: text.optional(),
  stage: z
    .enum(['onboarding', 'adopting', 'adopted', 'at-risk', 'graduated'], { error: 'must be onboarding, adopting, adopted, at-risk or graduated' })
    .optional(),
  owner: text.optional(),
  segment: text.optional(),
  sort: z.enum(['day', 'health', 'change', 'name'], { error: 'must be day, health, change or name' }).default('health'),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
  page: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000).default(1),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
});

/** A parsed portfolio query. */
export type PortfolioFilter = z.output<typeof portfolioFilter>;
