import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Pages in fresh browser contexts (one per page, like separate devices), with their page errors. */
export interface PagePool {
  /** A new page in a new context of the browser. */
  open(): Promise<Page>;
  /** Closes every context opened so far; returns the uncaught page errors seen, and forgets them. */
  closeAll(): Promise<string[]>;
}

/** Creates a pool over the browser `browser()` returns (read when a page is opened). */
export function createPagePool(browser: () => Browser): PagePool {
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    async open() {
      const context = await browser().newContext();
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return page;
    },
    async closeAll() {
      for (const c of contexts.splice(0)) await c.close();
      return errors.splice(0);
    },
  };
}
