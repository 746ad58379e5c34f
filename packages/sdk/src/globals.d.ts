/** Defined by scripts/build.mjs: true in `waymark.debug.js`, false in production bundles. */
declare const __DEBUG__: boolean | undefined;
