/** The strict CSP every Acme page is served with: no inline script or style, only the collector may add script and connections. */
export function contentSecurityPolicy(collectorOrigin: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${collectorOrigin}`,
    `connect-src 'self' ${collectorOrigin}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}
