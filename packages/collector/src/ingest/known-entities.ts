/** A user row as one ingest statement would upsert it. */
export interface UserUpsert {
  app_id: string;
  actor: string;
  user_id: string | null;
  anonymous_id: string | null;
  account_id: string | null;
  traits: Record<string, unknown>;
  /** The traits among `traits` sent by a trusted source (the secret key, or a verified user). */
  trusted_traits: Record<string, unknown>;
  traits_at: string | null;
  first_seen: string;
}

/** An account row as one ingest statement would upsert it. */
export interface AccountUpsert {
  app_id: string;
  account_id: string;
  traits: Record<string, unknown>;
  /** The traits among `traits` sent by a trusted source (the secret key, or a verified user). */
  trusted_traits: Record<string, unknown>;
  traits_at: string | null;
  first_seen: string;
}

/** What a committed ingest statement guarantees about a stored user row. */
interface KnownUser {
  /** The row's account, or null when this process does not know it. */
  accountId: string | null;
  firstSeenMs: number;
  hasUserId: boolean;
  hasAnonymousId: boolean;
  rememberedAt: number;
}

interface KnownAccount {
  firstSeenMs: number;
  rememberedAt: number;
}

/**
 * Users and accounts this collector has stored recently, so an ingest statement leaves out the
 * upserts that would change nothing: a user already on this account, seen this early, with these
 * ids; an account already seen this early. Messages with traits are always written.
 *
 * It only remembers what a committed statement guarantees (the statement's own rows), so it never
 * skips a change this process has not written. Another collector process could move a user to
 * another account in the meantime; entries expire after `ttlMs`, after which the upsert is sent
 * again, so such a change is overwritten no later than it would be without the cache. The oldest
 * entries go first past `maxEntries`.
 */
export interface KnownEntities {
  /** The users of `users` whose upsert could change their row. */
  usersToWrite(users: readonly UserUpsert[]): UserUpsert[];
  /** The accounts of `accounts` whose upsert could change their row. */
  accountsToWrite(accounts: readonly AccountUpsert[]): AccountUpsert[];
  /**
   * Records what a committed statement wrote; `startedAt` is when it was sent (from `now`), so a
   * user moved to two accounts by overlapping statements is left with an unknown account.
   */
  remember(users: readonly UserUpsert[], accounts: readonly AccountUpsert[], startedAt: number): void;
  /** The clock the cache runs on, for `remember`'s `startedAt`. */
  now(): number;
}

/** Options of the cache of stored users and accounts. */
export interface KnownEntitiesOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

const keyOf = (appId: string, id: string): string => `${appId}\u0000${id}`;

export function createKnownEntities(options: KnownEntitiesOptions = {}): KnownEntities {
  const maxEntries = options.maxEntries ?? 200_000;
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const users = new Map<string, KnownUser>();
  const accounts = new Map<string, KnownAccount>();

  function fresh<T extends { rememberedAt: number }>(map: Map<string, T>, key: string, at: number): T | undefined {
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (at - entry.rememberedAt <= ttlMs) return entry;
    map.delete(key);
    return undefined;
  }

  function put<T>(map: Map<string, T>, key: string, entry: T): void {
    map.delete(key);
    map.set(key, entry);
    if (map.size > maxEntries) map.delete(map.keys().next().value!);
  }

  return {
    usersToWrite(list) {
      const at = now();
      return list.filter((u) => {
        if (u.traits_at !== null) return true;
        const known = fresh(users, keyOf(u.app_id, u.actor), at);
        return !(
          known &&
          known.firstSeenMs <= Date.parse(u.first_seen) &&
          (u.account_id === null || u.account_id === known.accountId) &&
          (u.user_id === null || known.hasUserId) &&
          (u.anonymous_id === null || known.hasAnonymousId)
        );
      });
    },
    accountsToWrite(list) {
      const at = now();
      return list.filter((a) => {
        if (a.traits_at !== null) return true;
        const known = fresh(accounts, keyOf(a.app_id, a.account_id), at);
        return !(known && known.firstSeenMs <= Date.parse(a.first_seen));
      });
    },
    now,
    remember(writtenUsers, writtenAccounts, startedAt) {
      const at = now();
      // After the upsert the row holds this account (or kept its own when the message had none),
      // a first-seen no later than this one, and at least these ids.
      for (const u of writtenUsers) {
        const key = keyOf(u.app_id, u.actor);
        const known = fresh(users, key, at);
        const firstSeenMs = Date.parse(u.first_seen);
        // Another statement that overlapped this one set a different account: which one committed
        // last is not known here.
        const raced =
          known !== undefined && known.rememberedAt >= startedAt && u.account_id !== null && known.accountId !== null && known.accountId !== u.account_id;
        put(users, key, {
          accountId: raced ? null : (u.account_id ?? known?.accountId ?? null),
          firstSeenMs: known ? Math.min(known.firstSeenMs, firstSeenMs) : firstSeenMs,
          hasUserId: u.user_id !== null || (known?.hasUserId ?? false),
          hasAnonymousId: u.anonymous_id !== null || (known?.hasAnonymousId ?? false),
          rememberedAt: at,
        });
      }
      for (const a of writtenAccounts) {
        const key = keyOf(a.app_id, a.account_id);
        const known = fresh(accounts, key, at);
        const firstSeenMs = Date.parse(a.first_seen);
        put(accounts, key, { firstSeenMs: known ? Math.min(known.firstSeenMs, firstSeenMs) : firstSeenMs, rememberedAt: at });
      }
    },
  };
}
