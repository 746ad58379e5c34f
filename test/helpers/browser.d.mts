import type { Browser } from 'playwright-core';

/** Path of the system Chromium the tests and benchmarks drive (never a downloaded build). */
export declare const chromiumPath: string;

/** Launches headless system Chromium with the flags that keep it quiet and offline. */
export declare function launchBrowser(): Promise<Browser>;
