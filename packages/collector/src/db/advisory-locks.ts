// The PostgreSQL advisory locks collectors sharing one database take, one number each. A lock
// taken with a second key (hashtext of an app or account) serialises per app or account; the
// number alone names the lock either way, so no number here may name two. 727005 is unused.

/** Migrations are applied by one collector at a time. */
export const migrationsLock = 727001;
/** The default app of a first start is created once. */
export const defaultAppLock = 727002;
/** Usage deltas are folded into the rollups by one collector at a time. */
export const compactionLock = 727003;
/** Stuck users are swept by one collector at a time per app (second key: the app). */
export const stuckSweepLock = 727004;
/** An account's summary is written by one collector at a time (second key: app and account). */
export const accountSummaryLock = 727006;
/** New alerts are fanned out to subscriptions by one collector at a time per app (second key: the app). */
export const alertFanOutLock = 727007;
/** The accounts due for a summary are picked by one collector at a time. */
export const dueAccountsLock = 727008;
