import type { Page } from 'playwright-core';

/** One problem the page reported. */
export interface PageProblem {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
}

/** Records console errors and uncaught exceptions of a page; the returned array fills as they occur. */
export function collectPageProblems(page: Page): PageProblem[] {
  const problems: PageProblem[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push({ kind: 'console', text: message.text(), url: message.location().url });
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.message, url: '' }));
  return problems;
}
