/**
 * Logs a diagnostic in the debug build only. Call it as
 * `if (typeof __DEBUG__ !== 'undefined' && __DEBUG__) warn(...)`: the build defines `__DEBUG__`,
 * so the production bundle drops the call and this function (and every `console`) entirely,
 * while sources used without a build (tests, the `source` condition) see it as undefined.
 */
export function warn(...args: unknown[]): void {
  console.warn('[waymark]', ...args);
}
