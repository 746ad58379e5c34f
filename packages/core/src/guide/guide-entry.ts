import type { Guide } from '../config/guide.js';
import { matchUrlPattern } from './match-url-pattern.js';

// A pattern with no `:param` and no `*` names one page.
const onePage = (url: string): boolean => !/[:*]/.test(url);

/**
 * Where to take a user who starts `guide` on the page `path` (`location.pathname + location.hash`):
 * undefined when its first step belongs here (or to any page); else the first step's URL when it
 * names one page, or the first later step's URL that names one page its first step's pattern
 * matches (`/app/team` for a first step on `/app/*`); undefined when no step names such a page.
 */
export function guideEntry(guide: Guide, path: string): string | undefined {
  const first = guide.steps[0]?.url;
  if (first === undefined || matchUrlPattern(first, path)) return undefined;
  return guide.steps.map((s) => s.url).find((u): u is string => u !== undefined && onePage(u) && matchUrlPattern(first, u) !== undefined);
}
