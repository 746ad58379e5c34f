import { describe, expect, it } from 'vitest';
import { createKnownEntities, type AccountUpsert, type UserUpsert } from './known-entities.js';

const account = (over: Partial<AccountUpsert> = {}): AccountUpsert => ({
  app_id: 'app',
  account_id: 'acct-a',
  traits: {},
  trusted_traits: {},
  traits_at: null,
  first_seen: '2026-03-09T10:00:00.000Z',
  ...over,
});
/** The account's row with the user's keys: one user u1 in acct-a. */
const user = (over: Partial<UserUpsert> = {}): UserUpsert => ({ ...account(), actor: 'u1', user_id: 'u1', anonymous_id: null, ...over });

describe('createKnownEntities', () => {
  it('leaves out only upserts that would change nothing', () => {
    let clock = 1000;
    const known = createKnownEntities({ now: () => clock });
    expect(known.usersToWrite([user()])).toHaveLength(1);
    known.remember([user()], [account()], known.now());
    clock += 10;
    expect(known.usersToWrite([user({ first_seen: '2026-03-09T11:00:00.000Z' })])).toEqual([]);
    expect(known.usersToWrite([user({ account_id: null })])).toEqual([]);
    expect(known.accountsToWrite([account({ first_seen: '2026-03-09T12:00:00.000Z' })])).toEqual([]);
    // Each of these changes the stored row, so each is written.
    expect(known.usersToWrite([user({ account_id: 'acct-b' })])).toHaveLength(1);
    expect(known.usersToWrite([user({ first_seen: '2026-03-01T00:00:00.000Z' })])).toHaveLength(1);
    expect(known.usersToWrite([user({ anonymous_id: 'anon-1' })])).toHaveLength(1);
    expect(known.usersToWrite([user({ traits: { plan: 'pro' }, traits_at: '2026-03-09T11:00:00.000Z' })])).toHaveLength(1);
    expect(known.usersToWrite([user({ app_id: 'other-app' })])).toHaveLength(1);
    expect(known.accountsToWrite([account({ first_seen: '2026-03-01T00:00:00.000Z' })])).toHaveLength(1);
    expect(known.accountsToWrite([account({ traits: { seats: 5 }, traits_at: '2026-03-09T11:00:00.000Z' })])).toHaveLength(1);
  });

  it('keeps the account a message without one left unchanged, and learns ids and earlier first seen', () => {
    const known = createKnownEntities({ now: () => 0 });
    known.remember([user({ account_id: null })], [], 0);
    // The stored account is not known, so any account is written.
    expect(known.usersToWrite([user()])).toHaveLength(1);
    known.remember([user()], [], 0);
    known.remember([user({ account_id: null, anonymous_id: 'anon-1', first_seen: '2026-03-01T00:00:00.000Z' })], [], 0);
    expect(known.usersToWrite([user({ anonymous_id: 'anon-1', first_seen: '2026-03-02T00:00:00.000Z' })])).toEqual([]);
  });

  it('forgets a user moved to two accounts by statements that overlapped', () => {
    let clock = 0;
    const known = createKnownEntities({ now: () => clock });
    const startedFirst = known.now();
    clock = 5;
    const startedSecond = known.now();
    clock = 10;
    known.remember([user({ account_id: 'acct-b' })], [], startedSecond);
    clock = 12;
    known.remember([user({ account_id: 'acct-a' })], [], startedFirst);
    // Either may have committed last: both accounts are written again.
    expect(known.usersToWrite([user({ account_id: 'acct-a' })])).toHaveLength(1);
    expect(known.usersToWrite([user({ account_id: 'acct-b' })])).toHaveLength(1);
  });

  it('expires entries after ttlMs and drops the oldest past maxEntries', () => {
    let clock = 0;
    const known = createKnownEntities({ now: () => clock, ttlMs: 100, maxEntries: 2 });
    known.remember([user({ actor: 'a' }), user({ actor: 'b' })], [], 0);
    expect(known.usersToWrite([user({ actor: 'a' }), user({ actor: 'b' })])).toEqual([]);
    clock = 101;
    expect(known.usersToWrite([user({ actor: 'a' })])).toHaveLength(1);
    known.remember([user({ actor: 'a' }), user({ actor: 'b' }), user({ actor: 'c' })], [], clock);
    expect(known.usersToWrite([user({ actor: 'a' }), user({ actor: 'b' }), user({ actor: 'c' })]).map((u) => u.actor)).toEqual(['a']);
  });
});
