const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a URL cannot receive webhooks, or undefined when it can: https anywhere, or http to this
 * machine only (localhost, 127.0.0.1, ::1) for development; no user name or password in it.
 */
export function webhookUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && localHosts.has(url.hostname)) return undefined;
  return 'must be an https URL (http only for localhost or 127.0.0.1)';
}
