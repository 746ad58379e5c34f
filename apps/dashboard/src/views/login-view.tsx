import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from '../api.js';
import type { CsmSession } from '@waymark/core';

const wait = (s: number) => (s >= 90 ? `${Math.ceil(s / 60)} minutes` : `${s} seconds`);

/** Email and password login; shows the collector's errors, and the wait after too many attempts. */
export function LoginView(props: { onLoggedIn: (me: CsmSession) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<number | undefined>();
  const [, tick] = useState(0);

  useEffect(() => {
    if (retryAt === undefined) return;
    const timer = setInterval(() => (Date.now() >= retryAt ? setRetryAt(undefined) : tick((n) => n + 1)), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onLoggedIn(await api<CsmSession>('/v1/auth/login', { method: 'POST', body: { email, password } }));
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status === 429) {
        const s = failure.retryAfter ?? 60;
        setRetryAt(Date.now() + s * 1000);
        setError(`Too many attempts. Try again in ${wait(s)}.`);
      } else if (failure instanceof ApiFailure && failure.status === 401) setError('Wrong email or password.');
      else setError(failure instanceof Error ? failure.message : 'The login failed.');
    } finally {
      setBusy(false);
    }
  };
  const left = retryAt === undefined ? 0 : Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));

  return (
    <main id="main" class="login">
      <form class="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Waymark</h1>
        <p class="muted">Sign in to see your accounts.</p>
        <label>
          Email
          <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="notice notice-error" role="alert">
            {left > 0 ? `Too many attempts. Try again in ${wait(left)}.` : error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy || left > 0}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
