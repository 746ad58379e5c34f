/**
 * Matches a URL path against a guide step's pattern (`/app/projects/:id`, `/app/*`): literal
 * segments match exactly, `:name` matches one non-empty segment and captures it, `*` matches
 * one segment, and a trailing `*` matches the rest of the path (one or more segments). A
 * trailing slash on either side is ignored. Returns the captured parameters, or undefined.
 */
export function matchUrlPattern(pattern: string, path: string): Record<string, string> | undefined {
  const split = (p: string) => p.replace(/[?#].*$/, '').split('/').filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1)));
  const want = split(pattern);
  const got = split(path);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i];
    if (w === '*' && i === want.length - 1) return got.length > i ? params : undefined;
    if (g === undefined || g === '') return undefined;
    if (w === '*') continue;
    if (w.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(g);
      } catch {
        value = g;
      }
      params[w.slice(1)] = value;
      continue;
    }
    if (w !== g) return undefined;
  }
  return got.length === want.length ? params : undefined;
}
