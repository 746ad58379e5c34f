import { describe, expect, it } from 'vitest';
import { parseSimulateArgs } from './parse-simulate-args.js';

describe('parseSimulateArgs', () => {
  it('has defaults for a full demo portfolio', () => {
    expect(parseSimulateArgs([])).toMatchObject({ seed: 1, accounts: 200, users: 2000, days: 90, concurrency: 4, dryRun: false });
  });

  it('reads every option', () => {
    expect(
      parseSimulateArgs(['--seed', '7', '--accounts', '5', '--users', '30', '--days', '14', '--url', 'http://c:1', '--key', 'sk_1', '--dry-run']),
    ).toMatchObject({
      seed: 7,
      accounts: 5,
      users: 30,
      days: 14,
      url: 'http://c:1',
      key: 'sk_1',
      dryRun: true,
    });
  });

  it('names the bad option', () => {
    expect(() => parseSimulateArgs(['--days', 'ninety'])).toThrow(/--days must be a whole number from 1 to 365/);
    expect(() => parseSimulateArgs(['--accounts', '10', '--users', '5'])).toThrow(/--users \(5\) must be at least --accounts \(10\)/);
    expect(() => parseSimulateArgs(['--colour'])).toThrow(/colour/);
  });
});
