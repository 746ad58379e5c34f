import { startAcme } from '@waymark/example-acme';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.mjs';

/** The Acme example app on a free port of 127.0.0.1 and a Chromium to use it. */
export interface AcmeInChromium {
  /** Acme's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  browser: Browser;
  /** Closes the browser, then Acme. */
  close(): Promise<void>;
}

/** Serves Acme with its SDK sending to `collectorUrl` with `publicKey`, and launches Chromium. */
export async function startAcmeInChromium(collectorUrl: string, publicKey: string): Promise<AcmeInChromium> {
  const acme = await startAcme({ port: 0, host: '127.0.0.1', collectorUrl, publicKey });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await acme.close();
    throw error;
  });
  return {
    url: acme.url,
    browser,
    close: async () => {
      await browser.close();
      await acme.close();
    },
  };
}
