import { z } from 'zod';

/** A time the collector sends: ISO 8601 in UTC, as `Date.prototype.toISOString` writes it. */
export const isoTime = z.iso.datetime();

/** A calendar day: `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A whole number, 0 or more: counts. */
export const count = z.number().int().min(0);

/** A free-form JSON object (traits, properties). */
export const jsonObject = z.record(z.string(), z.unknown());
