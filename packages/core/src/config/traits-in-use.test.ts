import { describe, expect, it } from 'vitest';
import { pickTraits, traitsInUse } from './traits-in-use.js';

describe('traitsInUse', () => {
  it('finds the traits of conditions anywhere in the config, by scope, and the ones texts name', () => {
    const used = traitsInUse({
      checklists: [
        {
          audience: { not: { trait: 'role', op: 'eq', value: 'viewer' } },
          items: [{ done: { any: [{ trait: 'seats', scope: 'account', op: 'gte', value: 2 }] } }],
        },
      ],
      gates: [{ unlock: { all: [{ trait: 'plan', op: 'eq', value: 'pro', scope: 'account', trusted: true }] } }],
      guides: [{ title: 'Hi {{ user.firstName | "there" }}', steps: [{ body: 'Your {{account.plan}} plan; {{count "Project Created"}} projects' }] }],
      features: [{ key: 'trait', name: 'a feature named trait is not a condition', trait: 'x' }],
    });
    expect([...used.user].sort()).toEqual(['firstName', 'role']);
    expect([...used.account].sort()).toEqual(['plan', 'seats']);
  });

  it('takes anything without failing', () => {
    expect(traitsInUse(undefined)).toEqual({ user: new Set(), account: new Set() });
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(traitsInUse(loop).user.size).toBe(0);
  });

  it('picks only the named traits that are set', () => {
    expect(pickTraits({ email: 'a@b.test', role: 'admin', plan: null }, new Set(['role', 'plan', 'seats']))).toEqual({ role: 'admin', plan: null });
    expect(pickTraits(undefined, new Set(['role']))).toEqual({});
  });
});
