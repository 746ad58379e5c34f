/**
 * Whether a browser `Origin` matches one of an app's allowed origins. Patterns are exact
 * origins (`https://app.example.com`), a port wildcard (`http://localhost:*`), a subdomain
 * wildcard (`https://*.example.com`), or `*` for any origin.
 */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  for (const pattern of patterns) {
    if (pattern === '*') return true;
    if (pattern === url.origin) return true;
    const m = /^(https?):\/\/(\*\.)?([^:/*]+)(?::(\d+|\*))?$/.exec(pattern);
    if (!m) continue;
    const [, scheme, sub, host, port] = m;
    if (`${scheme}:` !== url.protocol) continue;
    const hostOk = sub ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
    const defaultPort = url.protocol === 'https:' ? '443' : '80';
    const portOk = port === '*' || (port ?? defaultPort) === (url.port || defaultPort);
    if (hostOk && portOk) return true;
  }
  return false;
}

/** Checks an origin pattern when an app is created; returns a reason when it is malformed. */
export function originPatternProblem(pattern: string): string | undefined {
  if (pattern === '*') return undefined;
  if (/^(https?):\/\/(\*\.)?[^:/*]+(:(\d+|\*))?$/.test(pattern)) return undefined;
  return `"${pattern}" is not an origin: use scheme://host[:port], e.g. https://app.example.com, http://localhost:*, https://*.example.com or *`;
}
