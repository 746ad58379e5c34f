// The config the early-warning benchmark pushes to its app: six basic features, two advanced ones
// and two account milestones. The population (insight-population.mjs) sends these event names.

/** Feature key → the events that count as its use; the first six are basic, the last two advanced. */
export const insightFeatures = [
  { key: 'projects', name: 'Projects', tier: 'basic', events: ['Project Created', 'Project Opened'] },
  { key: 'tasks', name: 'Tasks', tier: 'basic', events: ['Task Created', 'Task Completed'] },
  { key: 'docs', name: 'Docs', tier: 'basic', events: ['Doc Edited'] },
  { key: 'comments', name: 'Comments', tier: 'basic', events: ['Comment Added'] },
  { key: 'files', name: 'Files', tier: 'basic', events: ['File Uploaded'] },
  { key: 'team', name: 'Team', tier: 'basic', events: ['Teammate Invited'] },
  { key: 'automations', name: 'Automations', tier: 'advanced', events: ['Automation Created', 'Automation Run'] },
  { key: 'reports', name: 'Reports', tier: 'advanced', events: ['Report Exported'] },
];

/** How many times an advanced event must happen in the account for `advanced-adopted`. */
export const advancedAdoptedCount = 8;

const used = (feature) => ({ any: feature.events.map((event) => ({ event, scope: 'account' })) });

/** Every way to pick `k` items of `list`, in order. */
function combinations(list, k) {
  if (k === 0) return [[]];
  return list.flatMap((first, i) => combinations(list.slice(i + 1), k - 1).map((rest) => [first, ...rest]));
}

/**
 * The benchmark's config document, with `health` (weights, bands, flag thresholds) merged section
 * by section over nothing: what it leaves out keeps the collector's defaults.
 */
export function insightConfig(health = undefined) {
  const basic = insightFeatures.filter((f) => f.tier === 'basic');
  return {
    version: 1,
    features: insightFeatures,
    milestones: [
      {
        key: 'activated',
        name: 'Activated',
        scope: 'account',
        targetDay: 14,
        firstValue: true,
        description: 'Three different basic features used in the account',
        // The condition language has no "distinct features" count: any three of the six, spelled out (20 ways).
        condition: { any: combinations(basic, 3).map((three) => ({ all: three.map(used) })) },
      },
      {
        key: 'advanced-adopted',
        name: 'Advanced features adopted',
        scope: 'account',
        targetDay: 45,
        description: `Reports exported or automations run ${advancedAdoptedCount} times in the account`,
        condition: {
          any: [
            { event: 'Report Exported', scope: 'account', count: { gte: advancedAdoptedCount } },
            { event: 'Automation Run', scope: 'account', count: { gte: advancedAdoptedCount } },
          ],
        },
      },
    ],
    checklists: [],
    guides: [],
    ...(health ? { health } : {}),
  };
}
