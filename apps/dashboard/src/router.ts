import { useEffect, useState } from 'preact/hooks';

/** The base path every client route lives under. */
export const base = '/dashboard';

/** The current location inside the dashboard: path below /dashboard and the query. */
export interface Location {
  path: string;
  query: URLSearchParams;
}

const read = (): Location => ({
  path: location.pathname.startsWith(base) ? location.pathname.slice(base.length) || '/' : '/',
  query: new URLSearchParams(location.search),
});

const listeners = new Set<() => void>();

/** Goes to a dashboard path (e.g. `/a/app_1/portfolio?band=red`) with the History API. */
export function navigate(to: string, replace = false): void {
  const url = to.startsWith(base) ? to : `${base}${to}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

/** Subscribes to location changes (navigate and back/forward); returns a cleanup. */
export function onLocation(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current location, re-rendering on every change. */
export function useLocation(): Location {
  const [loc, setLoc] = useState(read);
  useEffect(() => onLocation(() => setLoc(read())), []);
  return loc;
}
