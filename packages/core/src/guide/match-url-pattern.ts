/** Matches one path against one path pattern; the parameters it captures go into `params`. */
function matchPath(pattern: string, path: string, params: Record<string, string>): boolean {
  const split = (p: string) => p.split('/').filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1)));
  const want = split(pattern);
  const got = split(path);
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i];
    if (w === '*' && i === want.length - 1) return got.length > i;
    if (g === undefined || g === '') return false;
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
    if (w !== g) return false;
  }
  return got.length === want.length;
}

/**
 * Matches a page against a URL pattern (`/app/projects/:id`, `/app/*`, `/#/active`). `url` is the
 * page's path with its hash (`location.pathname + location.hash`); a query is ignored. Literal
 * segments match exactly, `:name` matches one non-empty segment and captures it, `*` matches one
 * segment, and a trailing `*` matches the rest (one or more segments). A trailing slash on either
 * side is ignored. A pattern without `#` ignores the page's hash; one with `#` also matches the
 * hash route after it the same way (`#/active`; an empty hash is `#/`). Returns the captured
 * parameters, or undefined.
 */
export function matchUrlPattern(pattern: string, url: string): Record<string, string> | undefined {
  const [path = '', hash] = pattern.split('#', 2);
  const at = url.indexOf('#');
  const route = (at < 0 ? '' : url.slice(at + 1)).replace(/\?.*$/, '');
  const params: Record<string, string> = {};
  const pathOk = matchPath(path, url.replace(/[?#].*$/, ''), params);
  return pathOk && (hash === undefined || matchPath(hash, route.startsWith('/') ? route : `/${route}`, params)) ? params : undefined;
}
