// Plain JavaScript (with browser.d.mts for its types) so the benchmarks, which run in Node without
// a build step, launch Chromium exactly as the tests do.
import { chromium } from 'playwright-core';

/** Path of the system Chromium the tests and benchmarks drive (never a downloaded build). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless system Chromium with the flags that keep it quiet and offline. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
