import { version } from './version.js';

/** What a message records about the page it was sent from (Segment's `context.page`). */
export interface PageInfo {
  url: string;
  path: string;
  search: string;
  title: string;
  referrer: string;
}

/** The current page; `referrer` is passed in because after a route change it is the previous URL. */
export function pageInfo(referrer: string): PageInfo {
  return { url: location.href, path: location.pathname, search: location.search, title: document.title, referrer };
}

/** Segment's `context`: page, browser, locale, timezone, library, and the account once known. */
export function messageContext(page: PageInfo, groupId: string | undefined): Record<string, unknown> {
  let timezone: string | undefined;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // Intl can be missing or broken in embedded webviews; the field is optional.
  }
  return {
    page,
    userAgent: navigator.userAgent,
    locale: navigator.language,
    timezone,
    library: { name: 'waymark', version },
    groupId,
  };
}
