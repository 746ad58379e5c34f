import { findDemoUser, type DemoUser } from './demo-users.js';

const SESSION_KEY = 'acme:session';

/**
 * Works out who is signed in: a `?user=` handed over by the login form wins (and is saved),
 * otherwise the saved session. Returns undefined when nobody is.
 */
export function resolveSession(storage: Storage, location: Location): DemoUser | undefined {
  const fromLogin = new URLSearchParams(location.search).get('user');
  const loginUser = findDemoUser(fromLogin);
  if (loginUser !== undefined) {
    storage.setItem(SESSION_KEY, loginUser.id);
    return loginUser;
  }
  return findDemoUser(storage.getItem(SESSION_KEY));
}

/** Forgets the signed-in user (the account's workspace data stays). */
export function clearSession(storage: Storage): void {
  storage.removeItem(SESSION_KEY);
}
