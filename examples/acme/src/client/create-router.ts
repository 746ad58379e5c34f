/** Called with the new location each time the route (path or query, not the hash) changes. */
export type RouteListener = (url: URL) => void;

/** A History API router for everything below `base`. */
export interface Router {
  /** Starts listening (links, back/forward) and renders the current location; returns the cleanup. */
  start(): () => void;
  /** Goes to an in-app path with pushState (or replaceState). */
  navigate(path: string, options?: { replace?: boolean }): void;
}

/**
 * Creates the router: intercepts same-origin link clicks below `base`, pushes history entries and
 * re-renders on popstate. Hash-only changes are left to the browser (they fire hashchange).
 */
export function createRouter(win: Window, base: string, onRoute: RouteListener): Router {
  let rendered = '';

  function routeKey(url: URL): string {
    return url.pathname + url.search;
  }

  function render(): void {
    const url = new URL(win.location.href);
    // popstate also fires for fragment navigations; those belong to the page, not the router.
    if (routeKey(url) === rendered) return;
    rendered = routeKey(url);
    onRoute(url);
  }

  function navigate(path: string, options: { replace?: boolean } = {}): void {
    const target = new URL(path, win.location.href);
    if (target.href === win.location.href) return;
    if (options.replace) win.history.replaceState(null, '', target.href);
    else win.history.pushState(null, '', target.href);
    render();
  }

  function onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if (anchor.target !== '' || anchor.hasAttribute('download')) return;
    const target = new URL(anchor.href);
    if (target.origin !== win.location.origin || !target.pathname.startsWith(base)) return;
    if (routeKey(target) === routeKey(new URL(win.location.href)) && target.hash !== '') return;
    event.preventDefault();
    navigate(target.href);
  }

  return {
    navigate,
    start() {
      win.document.addEventListener('click', onClick);
      win.addEventListener('popstate', render);
      render();
      return () => {
        win.document.removeEventListener('click', onClick);
        win.removeEventListener('popstate', render);
        rendered = '';
      };
    },
  };
}
