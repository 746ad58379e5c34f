import { z } from 'zod';

/** A short required label (names and titles). */
export const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
/** Optional longer text (descriptions). */
export const description = z.string().max(2000, 'must be at most 2000 characters').optional();
