import type { PageCondition } from '../condition/condition.js';
import { matchUrlPattern } from '../guide/match-url-pattern.js';
import type { PageFacts } from './page-facts.js';

/** A query string's parameters (later ones win); undecodable text is kept as it is. */
function queryParams(search: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of search.split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const [k, v] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    const decode = (s: string): string => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    params.set(decode(k), decode(v));
  }
  return params;
}

/** Whether `value` matches a pattern in which `*` stands for any run of characters (case-insensitive). */
export function matchWildcard(pattern: string, value: string): boolean {
  const parts = pattern.toLowerCase().split('*');
  const v = value.toLowerCase();
  if (parts.length === 1) return v === parts[0];
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === 0) {
      if (!v.startsWith(part)) return false;
      at = part.length;
    } else if (i === parts.length - 1) {
      return v.length - part.length >= at && v.endsWith(part);
    } else {
      const found = v.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
  }
  return true;
}

/**
 * Whether a page matches a page condition: its URL pattern (path, and the hash route when the
 * pattern has `#`; `*` alone matches every page), every query parameter it names (`"*"`: present
 * with any value), and its title pattern.
 */
export function matchPage(c: Pick<PageCondition, 'page' | 'query' | 'title'>, page: PageFacts): boolean {
  if (c.page !== '*' && matchUrlPattern(c.page, `${page.path}${page.hash ? `#${page.hash}` : ''}`) === undefined) return false;
  if (c.query) {
    const params = queryParams(page.search);
    // A hash route's own query (`#/list?tab=done`) counts too.
    const q = page.hash.indexOf('?');
    if (q >= 0) for (const [k, v] of queryParams(page.hash.slice(q + 1))) params.set(k, v);
    for (const [name, want] of Object.entries(c.query)) {
      const got = params.get(name);
      if (got === undefined || (want === '*' ? got === '' : got !== want)) return false;
    }
  }
  return c.title === undefined || matchWildcard(c.title, page.title);
}
