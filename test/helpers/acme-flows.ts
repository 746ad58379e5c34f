import type { Page } from 'playwright-core';

/** Signs in to Acme through its login form (a full page navigation). */
export async function signIn(page: Page, acmeUrl: string, userId = 'usr_dana_ortiz'): Promise<void> {
  await page.goto(`${acmeUrl}/login.html`);
  await page.check(`input[name="user"][value="${userId}"]`);
  await Promise.all([page.waitForURL(`${acmeUrl}/app/projects`), page.click('[data-waymark-anchor="login-submit"]')]);
  await page.waitForSelector('body.ready');
}

/** Creates a project from the projects list and waits for its editor; returns its id. */
export async function createProject(page: Page, acmeUrl: string, name: string): Promise<string> {
  if (!page.url().endsWith('/app/projects')) {
    await page.click('[data-waymark-anchor="nav-projects"]');
    await page.waitForURL(`${acmeUrl}/app/projects`);
  }
  await page.click('[data-waymark-anchor="new-project-button"]');
  await page.fill('[data-waymark-anchor="new-project-name"]', name);
  await Promise.all([page.waitForURL(/\/app\/projects\/prj_/), page.click('[data-waymark-anchor="create-project-submit"]')]);
  return page.url().split('/').pop()!;
}

/** Waits until the real SDK has replaced the queue stub. */
export async function sdkReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const w = (window as unknown as { waymark?: unknown }).waymark;
    return w !== undefined && !Array.isArray(w) && typeof (w as { flush?: unknown }).flush === 'function';
  });
}
