import { autoStart } from './auto-start.js';

// Entry of the script-tag build (dist/waymark.js): the one module that acts when loaded, by design.
// It is not exported from index.ts, so `sideEffects: false` holds for the package's ESM entry.
autoStart(window);
