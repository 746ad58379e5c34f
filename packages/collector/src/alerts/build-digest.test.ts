import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestInput } from './build-digest.js';
import { digestMarkdown } from './digest-markdown.js';
import { digestWeek, isoWeekLabel } from './digest-week.js';

const week = { label: '2026-W10', start: '2026-03-02T00:00:00.000Z', end: '2026-03-09T00:00:00.000Z' };

/** Four accounts of Dana's: one red, one yellow, one green, one not scored yet; events in, before and after the week. */
const fixture: DigestInput = {
  owner: 'dana@vendor.test',
  week,
  accounts: [
    { accountId: 'initech', name: 'Initech', day: 20, health: 38, band: 'red' },
    { accountId: 'globex', name: 'Globex', day: 45, health: 64, band: 'yellow' },
    { accountId: 'hooli', name: 'Hooli', day: 12, health: 88, band: 'green' },
    { accountId: 'umbrella', name: 'Umbrella', day: 1, health: null, band: null },
  ],
  flags: [
    { accountId: 'initech', flag: 'no-activity-7d', raisedAt: '2026-03-03T10:00:00.000Z', clearedAt: null },
    { accountId: 'globex', flag: 'usage-drop', raisedAt: '2026-02-20T10:00:00.000Z', clearedAt: '2026-03-05T08:00:00.000Z' },
    { accountId: 'hooli', flag: 'seats-unused', raisedAt: '2026-03-02T00:00:00.000Z', clearedAt: '2026-03-08T23:59:59.999Z' },
    // Outside the week, or another owner's account: left out.
    { accountId: 'initech', flag: 'health-falling', raisedAt: '2026-03-09T00:00:00.000Z', clearedAt: null },
    { accountId: 'acme', flag: 'no-activity-7d', raisedAt: '2026-03-04T00:00:00.000Z', clearedAt: null },
  ],
  milestones: [
    { accountId: 'hooli', milestone: 'activated', reachedAt: '2026-03-04T12:00:00.000Z', day: 10, targetDay: 7 },
    { accountId: 'umbrella', milestone: 'activated', reachedAt: '2026-03-08T12:00:00.000Z', day: 1, targetDay: 7 },
    { accountId: 'globex', milestone: 'team-formed', reachedAt: '2026-02-01T12:00:00.000Z', day: 15, targetDay: 14 },
  ],
  goals: [
    { accountId: 'initech', milestone: 'activated', dueDay: 7, owner: 'it@initech.test', status: 'overdue', currentDay: 20 },
    { accountId: 'initech', milestone: 'team-formed', dueDay: 14, status: 'overdue', currentDay: 20 },
    { accountId: 'globex', milestone: 'exported', dueDay: 60, status: 'on-track', currentDay: 45 },
    { accountId: 'hooli', milestone: 'activated', dueDay: 7, status: 'done', currentDay: 12 },
  ],
  milestoneNames: { activated: 'Activated', 'team-formed': 'Team formed' },
};

describe('buildDigest', () => {
  it('summarises the week for the owner from plain inputs', () => {
    expect(buildDigest(fixture)).toEqual({
      owner: 'dana@vendor.test',
      week,
      totals: { accounts: 4, red: 1, yellow: 1, green: 1, unscored: 1, flagsRaised: 2, flagsCleared: 2, milestonesReached: 2, overdueGoals: 2 },
      health: {
        red: [{ accountId: 'initech', name: 'Initech', health: 38, day: 20 }],
        yellow: [{ accountId: 'globex', name: 'Globex', health: 64, day: 45 }],
        green: [{ accountId: 'hooli', name: 'Hooli', health: 88, day: 12 }],
        unscored: [{ accountId: 'umbrella', name: 'Umbrella', health: null, day: 1 }],
      },
      flagsRaised: [
        { accountId: 'hooli', name: 'Hooli', flag: 'seats-unused', at: '2026-03-02T00:00:00.000Z' },
        { accountId: 'initech', name: 'Initech', flag: 'no-activity-7d', at: '2026-03-03T10:00:00.000Z' },
      ],
      flagsCleared: [
        { accountId: 'globex', name: 'Globex', flag: 'usage-drop', at: '2026-03-05T08:00:00.000Z' },
        { accountId: 'hooli', name: 'Hooli', flag: 'seats-unused', at: '2026-03-08T23:59:59.999Z' },
      ],
      milestonesReached: [
        { accountId: 'hooli', name: 'Hooli', milestone: 'activated', milestoneName: 'Activated', at: '2026-03-04T12:00:00.000Z', day: 10, onTime: false },
        { accountId: 'umbrella', name: 'Umbrella', milestone: 'activated', milestoneName: 'Activated', at: '2026-03-08T12:00:00.000Z', day: 1, onTime: true },
      ],
      overdueGoals: [
        { accountId: 'initech', name: 'Initech', milestone: 'activated', milestoneName: 'Activated', dueDay: 7, daysOverdue: 13, goalOwner: 'it@initech.test' },
        { accountId: 'initech', name: 'Initech', milestone: 'team-formed', milestoneName: 'Team formed', dueDay: 14, daysOverdue: 6, goalOwner: null },
      ],
    });
  });

  it('is empty but complete for an owner without accounts', () => {
    const digest = buildDigest({ ...fixture, accounts: [] });
    expect(digest.totals).toEqual({
      accounts: 0,
      red: 0,
      yellow: 0,
      green: 0,
      unscored: 0,
      flagsRaised: 0,
      flagsCleared: 0,
      milestonesReached: 0,
      overdueGoals: 0,
    });
    expect(digestMarkdown(digest)).toBe(
      '# Weekly digest: dana@vendor.test, 2026-W10\n\n2026-03-02 to 2026-03-08 · 0 accounts\n\n**Health:** 0 red, 0 yellow, 0 green\n\n**This week:** 0 flags raised, 0 cleared, 0 milestones reached; 0 goals overdue\n',
    );
  });
});

describe('digestMarkdown', () => {
  it('renders the digest as Markdown, escaping names', () => {
    const digest = buildDigest({ ...fixture, accounts: fixture.accounts.map((a) => (a.accountId === 'initech' ? { ...a, name: 'Initech *Corp*' } : a)) });
    expect(digestMarkdown(digest)).toBe(`# Weekly digest: dana@vendor.test, 2026-W10

2026-03-02 to 2026-03-08 · 4 accounts

**Health:** 1 red, 1 yellow, 1 green, 1 not scored

**This week:** 2 flags raised, 2 cleared, 2 milestones reached; 2 goals overdue

## Flags raised

- Hooli: \`seats-unused\` (2026-03-02)
- Initech \\*Corp\\*: \`no-activity-7d\` (2026-03-03)

## Flags cleared

- Globex: \`usage-drop\` (2026-03-05)
- Hooli: \`seats-unused\` (2026-03-08)

## Milestones reached

- Hooli: Activated on day 10 (late)
- Umbrella: Activated on day 1

## Overdue goals

- Initech \\*Corp\\*: Activated, due day 7, 13 days over (owner it@initech.test)
- Initech \\*Corp\\*: Team formed, due day 14, 6 days over

## Red accounts

- Initech \\*Corp\\*: health 38, day 20

## Yellow accounts

- Globex: health 64, day 45
`);
  });
});

describe('digestWeek', () => {
  it('defaults to the last complete ISO week (UTC) and parses labels', () => {
    expect(digestWeek(undefined, Date.parse('2026-03-11T15:00:00Z'))).toEqual(week);
    expect(digestWeek(undefined, Date.parse('2026-03-09T00:00:00Z'))).toEqual(week);
    expect(digestWeek('2026-W10', 0)).toEqual(week);
    expect(digestWeek('2026-W01', 0)).toEqual({ label: '2026-W01', start: '2025-12-29T00:00:00.000Z', end: '2026-01-05T00:00:00.000Z' });
    expect(digestWeek('2025-W53', 0)).toBeUndefined();
    expect(digestWeek('2026-W53', 0)?.start).toBe('2026-12-28T00:00:00.000Z');
    expect(digestWeek('2020-W53', 0)?.start).toBe('2020-12-28T00:00:00.000Z');
    expect(digestWeek('2026-W00', 0)).toBeUndefined();
    expect(digestWeek('2026-10', 0)).toBeUndefined();
    expect(isoWeekLabel(Date.parse('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  });
});
