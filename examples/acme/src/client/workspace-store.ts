import type { DemoUser } from './demo-users.js';
import type { Workspace } from './workspace.js';

const DAY_MS = 86_400_000;

/** Reads and writes one account's workspace in localStorage. */
export interface WorkspaceStore {
  get(): Workspace;
  /** Applies a change and saves it; returns the saved workspace. */
  update(change: (workspace: Workspace) => void): Workspace;
}

/** Opens (creating on first visit) the workspace of the user's account. */
export function createWorkspaceStore(storage: Storage, user: DemoUser, now: () => number): WorkspaceStore {
  const key = `acme:workspace:${user.account.id}`;
  let current = load(storage.getItem(key)) ?? fresh(user, now());
  if (current.userCreatedAt[user.id] === undefined) {
    current.userCreatedAt[user.id] = new Date(now()).toISOString();
  }
  storage.setItem(key, JSON.stringify(current));
  return {
    get: () => current,
    update(change) {
      const next = structuredClone(current);
      change(next);
      storage.setItem(key, JSON.stringify(next));
      current = next;
      return next;
    },
  };
}

function load(raw: string | null): Workspace | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<Workspace> | null;
    // A corrupt or older entry is replaced rather than trusted.
    if (parsed?.version !== 1 || !Array.isArray(parsed.projects) || !Array.isArray(parsed.invites)) return undefined;
    return parsed as Workspace;
  } catch {
    return undefined;
  }
}

function fresh(user: DemoUser, nowMs: number): Workspace {
  const signup = new Date(nowMs - user.account.ageDays * DAY_MS);
  signup.setUTCHours(9, 0, 0, 0);
  return {
    version: 1,
    createdAt: signup.toISOString(),
    userCreatedAt: { [user.id]: signup.toISOString() },
    projects: [],
    invites: [],
    settings: {
      profile: { displayName: user.name, title: '' },
      workspace: { name: user.account.name, timezone: 'UTC' },
      notifications: { weeklyDigest: true, mentions: true },
    },
  };
}
