import { expect, it } from 'vitest';
import { firstUseDays } from './first-use-days.js';

const usage = [
  { actor: 'ada', eventKey: 'Report Viewed', day: 1 },
  { actor: 'ada', eventKey: 'Project Created', day: 4 },
  { actor: 'bob', eventKey: 'Feature Used:tasks', day: 2 },
  { actor: 'bob', eventKey: 'Task Added', day: 6 },
  { actor: 'cy', eventKey: 'Export Run', day: 3 },
];

it('activates a user on their first use of a core (basic) feature, through any of its events', () => {
  const features = [
    { key: 'projects', tier: 'basic' as const, events: ['Project Created'] },
    { key: 'tasks', tier: 'basic' as const, events: ['Task Added'] },
    { key: 'export', tier: 'advanced' as const, events: ['Export Run'] },
  ];
  const days = firstUseDays(features, usage);
  expect(days.activated).toEqual(
    new Map([
      ['ada', 4],
      ['bob', 2],
    ]),
  );
  expect(days.features).toEqual(
    new Map([
      ['projects', 4],
      ['tasks', 2],
    ]),
  );
});

it('activates on the first use of anything when no feature is basic', () => {
  const days = firstUseDays([{ key: 'export', tier: 'advanced', events: ['Export Run'] }], usage);
  expect(days.activated).toEqual(
    new Map([
      ['ada', 1],
      ['bob', 2],
      ['cy', 3],
    ]),
  );
  expect(days.features.size).toBe(0);
});
