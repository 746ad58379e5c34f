/** Path parameters captured by `:name` segments. */
export type RouteParams = Record<string, string>;

/** Matches a pathname against a pattern like `/app/projects/:id`; undefined when it does not fit. */
export function matchRoute(pattern: string, pathname: string): RouteParams | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: RouteParams = {};
  for (const [index, segment] of want.entries()) {
    const actual = have[index] ?? '';
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}
