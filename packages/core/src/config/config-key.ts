import { z } from 'zod';

const keyPattern = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * A stable identifier in the config (feature, milestone, checklist, item, guide, step): lowercase
 * letters and digits in segments joined by `-`, `_` or `.`, e.g. `reports.export`, `getting-started`.
 */
export const configKey = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(keyPattern, 'must be a key: lowercase letters and digits, joined by "-", "_" or "." (e.g. "reports.export")');
