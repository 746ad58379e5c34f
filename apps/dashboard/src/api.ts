/** A failed call to the collector, with its JSON error (docs/api.md). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait, from a 429's `Retry-After`. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

type Listener = () => void;
const loggedOutListeners = new Set<Listener>();

/** Called whenever the collector answers `401 not_logged_in` (the session ended); returns a cleanup. */
export function onLoggedOut(listener: Listener): () => void {
  loggedOutListeners.add(listener);
  return () => loggedOutListeners.delete(listener);
}

/** Builds an admin URL scoped to an app: `/v1/admin/<path>?appId=...&<query>`. */
export function adminUrl(appId: string, path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams({ appId });
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return `/v1/admin/${path}?${params}`;
}

/**
 * Calls the collector on the same origin with the session cookie. Bodies are JSON (the
 * collector's CSRF rule); errors throw `ApiFailure`; 204 resolves to undefined.
 */
export async function api<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string; retryAfter?: number } } | undefined)?.error;
    const retry = Number(res.headers.get('Retry-After') ?? error?.retryAfter ?? NaN);
    const failure = new ApiFailure(
      res.status,
      error?.code ?? 'http_error',
      error?.message ?? `the collector answered ${res.status}`,
      Number.isFinite(retry) ? retry : undefined,
    );
    if (res.status === 401 && failure.code === 'not_logged_in' && !url.startsWith('/v1/auth/')) for (const l of loggedOutListeners) l();
    throw failure;
  }
  return body as T;
}
