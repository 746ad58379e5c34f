/**
 * The page a user is on: what page conditions match. Read from a page view's properties on both
 * sides (`pageFacts`), so the browser and the collector see the same page.
 */
export interface PageFacts {
  /** The URL path, `/reports`. */
  path: string;
  /** The hash route without `#`, `/settings/team`; empty without one. */
  hash: string;
  /** The query string without `?`, `tab=invites&sort=asc`; empty without one. */
  search: string;
  /** The document title when the page was viewed. */
  title: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The page of a page view's properties (`url`, `path`, `search`, `title`, as the SDK records them
 * and Segment specifies), or undefined when they name no path. The hash comes from `url`.
 */
export function pageFacts(properties: unknown): PageFacts | undefined {
  if (typeof properties !== 'object' || properties === null) return undefined;
  const p = properties as Record<string, unknown>;
  const url = text(p['url']);
  const at = url.indexOf('#');
  let path = text(p['path']);
  if (!path.startsWith('/')) {
    // Without a path property, the URL's: after the origin, up to the query or hash.
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url);
    path = m ? m[1] || '/' : '';
  }
  if (!path) return undefined;
  // Without a search property, the URL's query.
  const search = typeof p['search'] === 'string' ? p['search'] : (/\?[^#]*/.exec(at < 0 ? url : url.slice(0, at))?.[0] ?? '');
  return { path, hash: at < 0 ? '' : url.slice(at + 1), search: search.replace(/^\?/, ''), title: text(p['title']) };
}
