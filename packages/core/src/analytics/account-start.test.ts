import { expect, it } from 'vitest';
import { accountStart } from './account-start.js';

it('starts an account at its createdAt trait when that is a date, else when it was first seen', () => {
  const seen = Date.parse('2026-03-05T00:00:00Z');
  expect(accountStart({ createdAt: '2026-03-01T00:00:00Z' }, seen)).toBe(Date.parse('2026-03-01T00:00:00Z'));
  expect(accountStart({ createdAt: 1_700_000_000_000 }, seen)).toBe(1_700_000_000_000);
  expect(accountStart({ createdAt: 'last spring' }, seen)).toBe(seen);
  expect(accountStart({ createdAt: null }, seen)).toBe(seen);
  expect(accountStart({}, seen)).toBe(seen);
});
