import { createAnalytics } from './create-analytics.js';
import { createRouter } from './create-router.js';
import { fillShell, highlightNav } from './fill-shell.js';
import { matchRoute } from './match-route.js';
import { notFoundView } from './views/not-found-view.js';
import { ROUTES } from './routes.js';
import { clearSession, resolveSession } from './session.js';
import { createWorkspaceStore } from './workspace-store.js';

const PRODUCT = 'Acme Projects';

/** Boots the signed-in app in `app.html`: identify, shell, router. Returns the cleanup. */
export function startApp(win: Window): () => void {
  const doc = win.document;
  const user = resolveSession(win.localStorage, win.location);
  if (user === undefined) {
    win.location.replace('/login.html');
    return () => {};
  }
  const now = (): number => Date.now();
  const analytics = createAnalytics(win);
  const store = createWorkspaceStore(win.localStorage, user, now);
  const workspace = store.get();
  // Sent on every load, not only after login: cheap, and keeps traits fresh.
  analytics.identify(user.id, { name: user.name, email: user.email, role: user.role, createdAt: workspace.userCreatedAt[user.id] });
  analytics.group(user.account.id, {
    name: user.account.name,
    plan: user.account.plan,
    seats: user.account.seats,
    createdAt: workspace.createdAt,
  });
  fillShell(doc, user);

  const outlet = doc.getElementById('outlet') ?? doc.body;
  let cleanupView = (): void => {};
  let firstRender = true;

  const router = createRouter(win, '/app/', (url) => {
    cleanupView();
    cleanupView = () => {};
    if (url.pathname === '/app/' || url.searchParams.has('user')) {
      router.navigate('/app/projects', { replace: true });
      return;
    }
    const route = ROUTES.find((candidate) => matchRoute(candidate.pattern, url.pathname) !== undefined);
    const params = route ? (matchRoute(route.pattern, url.pathname) ?? {}) : {};
    const title = route?.title ?? 'Not found';
    doc.title = `${title} · ${PRODUCT}`;
    highlightNav(doc, route?.nav ?? '');
    outlet.replaceChildren();
    cleanupView = (route?.view ?? notFoundView)({
      win,
      outlet,
      params,
      user,
      store,
      analytics,
      navigate: (path) => router.navigate(path),
      now,
    });
    analytics.page(title, { path: url.pathname });
    if (!firstRender) outlet.focus({ preventScroll: true });
    firstRender = false;
    win.scrollTo(0, 0);
  });

  const logoutButton = doc.getElementById('logout');
  const logout = (): void => {
    analytics.reset();
    clearSession(win.localStorage);
    win.location.assign('/login.html');
  };
  logoutButton?.addEventListener('click', logout);
  const stopRouter = router.start();

  return () => {
    stopRouter();
    cleanupView();
    logoutButton?.removeEventListener('click', logout);
  };
}
