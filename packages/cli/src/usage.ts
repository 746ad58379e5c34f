/** The command's help text. */
export const usage = `waymark: author Waymark configs (checklists, guides, milestones)

Usage:
  waymark validate FILE            Check a config; prints each problem as "path: message" (exit 1)
  waymark push FILE [--note TEXT]  Validate, then store it as the app's new config version
  waymark pull [--version N] [--out FILE]
                                   Print (or write) the current config, or version N, as pushed
  waymark versions [--json]        List the config versions, newest first
  waymark restore N [--note TEXT]  Make version N current again (as a new version)
  waymark schema                   Print the config's JSON Schema (for "$schema" in your editor)

FILE is JSON (.json), or a module whose default export is the config: TypeScript (.ts,
.mts, .cts; no build step needed) or JavaScript (.mjs, .js).

Options and environment (push, pull, versions, restore):
  --url URL    or WAYMARK_URL         the collector (default http://localhost:8787)
  --key KEY    or WAYMARK_SECRET_KEY  the app's secret key (sk_...)
`;
