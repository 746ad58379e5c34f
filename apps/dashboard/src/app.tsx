import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, adminUrl, onLoggedOut } from './api.js';
import { Link } from './components/link.js';
import { navigate, useLocation } from './router.js';
import type { CsmSession, StoredConfig } from '@waymark/core';
import { useResource } from './use-resource.js';
import { AccountView } from './views/account-view.js';
import { AppPicker } from './views/app-picker.js';
import { CohortsView } from './views/cohorts-view.js';
import { ExperiencesView } from './views/experiences-view.js';
import { FunnelsView } from './views/funnels-view.js';
import { LoginView } from './views/login-view.js';
import { PortfolioView } from './views/portfolio-view.js';

/** The dashboard: who is logged in, the app being looked at, the header and the current view. */
export function App() {
  const loc = useLocation();
  const [me, setMe] = useState<CsmSession | null | undefined>(undefined);

  useEffect(() => {
    api<CsmSession>('/v1/auth/me').then(setMe, (e: unknown) => setMe(e instanceof ApiFailure && e.status === 401 ? null : null));
    return onLoggedOut(() => setMe(null));
  }, []);

  useEffect(() => {
    if (me === null && loc.path !== '/login') navigate(`/login?next=${encodeURIComponent(loc.path + (loc.query.size ? `?${loc.query}` : ''))}`, true);
    if (me && (loc.path === '/' || loc.path === '/login')) {
      const next = loc.path === '/login' ? loc.query.get('next') : null;
      if (next?.startsWith('/a/')) navigate(next, true);
      else if (me.apps.length === 1) navigate(`/a/${encodeURIComponent(me.apps[0]!.appId)}/portfolio`, true);
      else navigate('/apps', true);
    }
  }, [me, loc.path]);

  const match = /^\/a\/([^/]+)\/(portfolio|accounts|cohorts|funnels|experiences)(?:\/(.+))?$/.exec(loc.path);
  const appId = match ? decodeURIComponent(match[1]!) : undefined;
  const config = useResource<StoredConfig>(me && appId ? adminUrl(appId, 'config') : undefined);

  if (me === undefined) return <p class="notice">Loading…</p>;
  if (me === null || loc.path === '/login') return <LoginView onLoggedIn={setMe} />;

  const app = me.apps.find((a) => a.appId === appId);
  const section = match?.[2];
  const logout = async () => {
    await api('/v1/auth/logout', { method: 'POST', body: {} }).catch(() => undefined);
    setMe(null);
    navigate('/login', true);
  };
  const cfg = config.data?.config;

  let view: ComponentChildren;
  if (loc.path === '/apps' || loc.path === '/') view = <AppPicker apps={me.apps} />;
  else if (!match || !appId || !app)
    view = (
      <p class="notice notice-error" role="alert">
        {appId ? `You cannot see an app with id ${appId}.` : 'No such page.'} <Link to="/apps">Choose an app</Link>
      </p>
    );
  else if (section === 'portfolio') view = <PortfolioView appId={appId} query={loc.query} config={cfg} />;
  else if (section === 'accounts' && match[3]) view = <AccountView appId={appId} accountId={decodeURIComponent(match[3])} config={cfg} me={me} />;
  else if (section === 'cohorts') view = <CohortsView appId={appId} config={cfg} query={loc.query} />;
  else if (section === 'funnels') view = <FunnelsView appId={appId} config={cfg} />;
  else if (section === 'experiences') view = <ExperiencesView appId={appId} config={cfg} query={loc.query} />;
  else view = <p class="notice">No such page.</p>;

  const nav = (to: string, name: string, key: string) => (
    <Link to={`/a/${encodeURIComponent(appId!)}/${to}`} class="nav-link" current={section === key}>
      {name}
    </Link>
  );
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link to="/" class="brand">
          Waymark
        </Link>
        {app && (
          <nav aria-label="Sections">
            {nav('portfolio', 'Portfolio', 'portfolio')}
            {nav('cohorts', 'Cohorts', 'cohorts')}
            {nav('funnels', 'Funnels', 'funnels')}
            {nav('experiences', 'Experiences', 'experiences')}
          </nav>
        )}
        <div class="who">
          {me.apps.length > 1 && (
            <Link to="/apps" class="nav-link">
              {app ? app.name : 'Apps'} <span class="muted">(switch)</span>
            </Link>
          )}
          <span class="muted" title={me.user.email}>
            {me.user.name} · {me.user.role}
          </span>
          <button type="button" class="button-quiet" onClick={logout}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {app && !app.identityVerified && (
          <p class="notice notice-warning" role="note">
            <strong>Identity verification is off for {app.name}.</strong> Anyone with the public key can claim a user id, so browsers are served only the traits
            your config reads and the traits they send do not count for trusted conditions. Turn it on with{' '}
            <code>waymark-collector apps identity {app.appId} --require</code> (docs/collector.md, "Identity verification").
          </p>
        )}
        {view}
      </main>
    </>
  );
}
