import { z } from 'zod';

const database = z.enum(['pglite', 'postgres']).describe('The storage engine.');

/** The `GET /healthz` answer when the database answers. */
export const healthSchema = z.strictObject({ status: z.literal('ok'), database });

/** The `GET /healthz` answer (503) when it does not. */
export const unhealthySchema = z.strictObject({ status: z.literal('unavailable'), database });
