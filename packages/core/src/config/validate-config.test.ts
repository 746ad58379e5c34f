import { describe, expect, it } from 'vitest';
import { acmeConfig } from '../../test/acme-config.js';
import { configJsonSchema } from './config-json-schema.js';
import { defineConfig } from './define-config.js';
import { featureEventKeys } from './feature-event-keys.js';
import { validateConfig } from './validate-config.js';

// biome-ignore lint/suspicious/noExplicitAny: tests edit the document at any depth
type Doc = Record<string, any>;
const acme = (): Doc => structuredClone(acmeConfig) as Doc;
const errorsOf = (doc: unknown) => {
  const r = validateConfig(doc);
  return r.ok ? [] : r.errors;
};
/** Errors of the Acme config after one change. */
const errorsAfter = (change: (doc: Doc) => void) => {
  const doc = acme();
  change(doc);
  return errorsOf(doc);
};

describe('validateConfig', () => {
  it('accepts a realistic config and fills in defaults', () => {
    const r = validateConfig(acmeConfig);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const step = r.config.guides[0]!.steps[0]!;
    expect(step).toMatchObject({ placement: 'auto', advance: 'next', waitMs: 5000, onMissing: 'skip' });
    expect(validateConfig({ version: 1 })).toEqual({
      ok: true,
      config: { version: 1, features: [], milestones: [], checklists: [], guides: [], gates: [], nudges: [], announcements: [] },
    });
  });

  it('survives a JSON round trip unchanged', () => {
    const r = validateConfig(JSON.parse(JSON.stringify(acmeConfig)));
    expect(r.ok && validateConfig(JSON.parse(JSON.stringify(r.config)))).toEqual(r);
  });

  it('accepts a health section with weights, bands and flag thresholds, and names what is wrong in one', () => {
    expect(validateConfig({ version: 1, health: { weights: {} } }).ok).toBe(true);
    expect(errorsOf({ version: 1, health: [] })[0]?.path).toBe('health');
    expect(
      validateConfig({
        version: 1,
        health: { weights: { activity: 2, depth: 0 }, bands: { red: 40, yellow: 70 }, flags: { seatsActiveMin: 0.3, quietMaxDays: 5 } },
      }).ok,
    ).toBe(true);
    expect(errorsOf({ version: 1, health: { bands: { red: 80, yellow: 70 } } })[0]).toMatchObject({
      path: 'health.bands.yellow',
      message: 'red must be below yellow',
    });
    expect(errorsOf({ version: 1, health: { weights: { activty: 1 } } })[0]?.path).toBe('health.weights.activty');
    expect(errorsOf({ version: 1, health: { flags: { usageDrop: 2 } } })[0]).toMatchObject({ path: 'health.flags.usageDrop', message: 'must be at most 1' });
    expect(errorsOf({ version: 1, health: { flags: { quietMinDays: 5, quietMaxDays: 3 } } })[0]).toMatchObject({
      path: 'health.flags.quietMaxDays',
      message: 'quietMinDays must be at most quietMaxDays',
    });
    expect(errorsOf({ version: 1, health: { flags: { significance: 0 } } })[0]).toMatchObject({
      path: 'health.flags.significance',
      message: 'must be above 0',
    });
    expect(errorsOf({ version: 1, health: { flags: { seatActivationMin: 0.5 } } })[0]?.path).toBe('health.flags.seatActivationMin');
  });

  it('checks nudges: fields, defaults, unique keys and the checklist or item they are for', () => {
    const nudge = { key: 'tasks-toast', for: { checklist: 'getting-started', item: 'add-tasks' } };
    const r = validateConfig({ ...acme(), nudges: [nudge, { key: 'any', kind: 'hotspot', caps: { perDay: 1 }, escalate: { afterDays: 3 } }] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.config.nudges).toEqual([
      { ...nudge, kind: 'toast' },
      { key: 'any', kind: 'hotspot', caps: { perDay: 1 }, escalate: { afterDays: 3 } },
    ]);
    expect(errorsAfter((d) => (d.nudges = [nudge, nudge]))).toEqual([
      { path: 'nudges[1].key', message: 'duplicate key "tasks-toast" (already used at index 0)' },
    ]);
    expect(errorsAfter((d) => (d.nudges = [{ key: 'n', for: { checklist: 'nope' } }]))).toEqual([
      { path: 'nudges[0].for.checklist', message: 'checklist "nope" is not defined in checklists' },
    ]);
    expect(errorsAfter((d) => (d.nudges = [{ key: 'n', for: { checklist: 'nope', item: 'x' } }]))).toEqual([
      { path: 'nudges[0].for.checklist', message: 'checklist "nope" is not defined in checklists' },
    ]);
    expect(errorsAfter((d) => (d.nudges = [{ key: 'n', for: { checklist: 'getting-started', item: 'nope' } }]))).toEqual([
      { path: 'nudges[0].for.item', message: 'checklist "getting-started" has no item "nope"' },
    ]);
    expect(errorsAfter((d) => (d.nudges = [{ key: 'n', kind: 'modal' }]))[0]?.path).toBe('nudges[0].kind');
    expect(errorsAfter((d) => (d.nudges = [{ key: 'n', caps: { perNudgeMax: 0 } }]))).toEqual([
      { path: 'nudges[0].caps.perNudgeMax', message: 'must be at least 1' },
    ]);
    expect(errorsAfter((d) => (d.nudges = [{ key: 'n', escalate: { afterDays: 0 } }]))).toEqual([
      { path: 'nudges[0].escalate.afterDays', message: 'must be at least 1' },
    ]);
  });

  it('checks announcements: fields, defaults, unique keys, the guide, feature and milestones they name', () => {
    const news = {
      key: 'whats-new-exports',
      title: 'Exports, {{user.name | "there"}}',
      body: 'Export any report as **CSV**.',
      image: { src: '/img/exports.png', alt: 'The export menu' },
      action: { type: 'guide', label: 'Show me', guide: 'export-report' },
      feature: 'reports.export',
      audience: { all: [{ milestone: 'activated' }, { not: { event: 'Report Exported' } }] },
      trigger: { page: '/app/*' },
    };
    const r = validateConfig({ ...acme(), announcements: [news, { key: 'tip', title: 'Tip', body: 'Hi', kind: 'hotspot', target: { anchor: 'nav-team' } }] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.config.announcements[0]).toMatchObject({ kind: 'modal', position: 'top', push: false, trigger: { priority: 0 } });
    expect(r.config.announcements[1]).toMatchObject({ kind: 'hotspot', target: { anchor: 'nav-team' } });
    expect(errorsAfter((d) => (d.announcements = [news, news]))).toEqual([
      { path: 'announcements[1].key', message: 'duplicate key "whats-new-exports" (already used at index 0)' },
    ]);
    expect(errorsAfter((d) => (d.announcements = [{ ...news, action: { type: 'guide', label: 'Go', guide: 'nope' }, feature: 'nope' }]))).toEqual([
      { path: 'announcements[0].action.guide', message: 'guide "nope" is not defined in guides' },
      { path: 'announcements[0].feature', message: 'feature "nope" is not defined in features' },
    ]);
    expect(errorsAfter((d) => (d.announcements = [{ ...news, audience: { milestone: 'nope' } }]))).toEqual([
      { path: 'announcements[0].audience.milestone', message: 'milestone "nope" is not defined in milestones' },
    ]);
    expect(errorsAfter((d) => (d.announcements = [{ ...news, body: "{{milestoneDay 'nope'}}" }]))).toEqual([
      { path: 'announcements[0].body', message: 'milestone "nope" is not defined in milestones' },
    ]);
    expect(errorsAfter((d) => (d.announcements = [{ key: 'h', title: 'H', body: '', kind: 'hotspot' }]))).toEqual([
      { path: 'announcements[0].target', message: 'a hotspot needs a target element' },
    ]);
    expect(errorsAfter((d) => (d.announcements = [{ ...news, action: { type: 'url', label: 'Go', url: 'javascript:alert(1)' } }]))[0]?.path).toBe(
      'announcements[0].action.url',
    );
    expect(errorsAfter((d) => (d.announcements = [{ ...news, image: { src: 'http://x.test/a.png', alt: '' } }]))[0]?.path).toBe('announcements[0].image.src');
    expect(errorsAfter((d) => (d.announcements = [{ ...news, action: { type: 'popup', label: 'Go' } }]))[0]?.message).toMatch(/must be \{ "type": "guide"/);
    expect(errorsAfter((d) => (d.announcements = [{ ...news, published: '2026-13-01' }]))[0]?.path).toBe('announcements[0].published');
  });

  it('checks success plans: fields, milestones that exist, one plan per segment and one default', () => {
    const plans = [{ goals: [{ milestone: 'activated' }] }, { segment: 'enterprise', goals: [{ milestone: 'activated', dueDay: 30, owner: 'csm@acme.test' }] }];
    const r = validateConfig({ ...acme(), successPlans: plans });
    expect(r.ok && r.config.successPlans).toEqual(plans);
    const plain = validateConfig(acme());
    expect(plain.ok && plain.config.successPlans).toBeUndefined();
    expect(errorsAfter((d) => (d.successPlans = [{ goals: [{ milestone: 'nope' }] }]))).toEqual([
      { path: 'successPlans[0].goals[0].milestone', message: 'milestone "nope" is not defined in milestones' },
    ]);
    expect(errorsAfter((d) => (d.successPlans = [{ goals: [{ milestone: 'activated' }, { milestone: 'activated' }] }]))).toEqual([
      { path: 'successPlans[0].goals[1].milestone', message: 'milestone "activated" is already a goal of this plan' },
    ]);
    expect(errorsAfter((d) => (d.successPlans = [plans[1], plans[1]]))).toEqual([
      { path: 'successPlans[1].segment', message: 'segment "enterprise" already has a plan (at index 0)' },
    ]);
    expect(errorsAfter((d) => (d.successPlans = [plans[0], plans[0]]))).toEqual([
      { path: 'successPlans[1]', message: 'the default plan (no segment) already has a plan (at index 0)' },
    ]);
    expect(errorsAfter((d) => (d.successPlans = [{ goals: [] }]))).toEqual([{ path: 'successPlans[0].goals', message: 'must have at least 1 goal' }]);
    expect(errorsAfter((d) => (d.successPlans = [{ goals: [{ milestone: 'activated', dueDay: -1 }] }]))).toEqual([
      { path: 'successPlans[0].goals[0].dueDay', message: 'must be at least 0' },
    ]);
  });

  it('checks gates: fields, the gated feature, unique keys and the references of unlock', () => {
    const gate = { key: 'reports.export', unlock: { checklist: 'getting-started' } };
    const r = validateConfig({ ...acme(), gates: [gate] });
    expect(r.ok && r.config.gates).toEqual([{ ...gate, locked: 'disable', celebrate: true }]);
    expect(errorsAfter((d) => (d.gates = [{ ...gate, key: 'reports.pdf' }]))).toEqual([
      { path: 'gates[0].key', message: 'feature "reports.pdf" is not defined in features' },
    ]);
    expect(errorsAfter((d) => (d.gates = [gate, gate]))).toEqual([
      { path: 'gates[1].key', message: 'duplicate key "reports.export" (already used at index 0)' },
    ]);
    expect(errorsAfter((d) => (d.gates = [{ ...gate, unlock: { all: [{ milestone: 'nope' }, { checklist: 'getting-started', item: 'nope' }] } }]))).toEqual([
      { path: 'gates[0].unlock.all[0].milestone', message: 'milestone "nope" is not defined in milestones' },
      { path: 'gates[0].unlock.all[1].item', message: 'checklist "getting-started" has no item "nope"' },
    ]);
    expect(errorsAfter((d) => (d.gates = [{ ...gate, locked: 'grey' }]))[0]?.path).toBe('gates[0].locked');
    expect(errorsAfter((d) => (d.gates = [{ ...gate, hint: { colour: 'red' } }]))).toEqual([{ path: 'gates[0].hint.colour', message: 'is not a known field' }]);
    const deep = (n: number): unknown => (n === 0 ? { event: 'A' } : { not: deep(n - 1) });
    expect(errorsAfter((d) => (d.gates = [{ ...gate, unlock: deep(40) }]))[0]?.path).toMatch(/^gates\[0\]\.unlock/);
  });

  it('names the field of a structural problem in plain words', () => {
    expect(errorsOf({})).toEqual([{ path: 'version', message: 'must be 1 (the only config version so far)' }]);
    expect(errorsOf('nope')).toEqual([{ path: '', message: 'must be an object' }]);
    expect(errorsAfter((d) => delete d.features[1].name)).toEqual([{ path: 'features[1].name', message: 'is required' }]);
    expect(errorsAfter((d) => (d.features[0].tier = 'pro'))).toEqual([{ path: 'features[0].tier', message: 'must be "basic" or "advanced"' }]);
    expect(errorsAfter((d) => (d.features[0].key = 'Reports Export'))[0]?.path).toBe('features[0].key');
    expect(errorsAfter((d) => (d.milestones[0].targetDay = 400))).toEqual([{ path: 'milestones[0].targetDay', message: 'must be at most 365' }]);
    expect(errorsAfter((d) => (d.milestones[0].targetDay = 1.5))).toEqual([{ path: 'milestones[0].targetDay', message: 'must be a whole number of days' }]);
    expect(errorsAfter((d) => (d.checklists[0].items = []))).toEqual([{ path: 'checklists[0].items', message: 'must have at least one item' }]);
    expect(errorsAfter((d) => (d.checklists[0].titel = 'x'))).toEqual([{ path: 'checklists[0].titel', message: 'is not a known field' }]);
    expect(errorsAfter((d) => (d.guides[0].steps[1].waitMs = 120_000))).toEqual([
      { path: 'guides[0].steps[1].waitMs', message: 'must be at most 60000 (one minute)' },
    ]);
    expect(errorsAfter((d) => (d.guides[0].steps[1].advance = 'hover'))).toEqual([
      { path: 'guides[0].steps[1].advance', message: 'must be "next", "click", "input" or { "event": "<event key>" }' },
    ]);
    expect(errorsAfter((d) => (d.guides[0].steps[0].advance = 'click'))).toEqual([
      { path: 'guides[0].steps[0].advance', message: '"click" needs a target to click' },
    ]);
    expect(errorsAfter((d) => (d.guides[0].steps[0].advance = 'input'))).toEqual([
      { path: 'guides[0].steps[0].advance', message: '"input" needs a target field to type in' },
    ]);
    expect(errorsAfter((d) => (d.guides[0].steps[1].advance = 'input'))).toEqual([]);
    expect(errorsAfter((d) => (d.guides[0].steps[1].target = {}))[0]?.path).toBe('guides[0].steps[1].target');
    expect(errorsAfter((d) => (d.guides[0].steps[1].url = 'app/projects'))[0]?.path).toBe('guides[0].steps[1].url');
  });

  it('refuses links that are not a site path or an https URL', () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'http://acme.example',
      '//evil.example',
      '/\\evil.example',
      'https://',
      'https:///x',
      'settings',
      '/a b',
      '/a\u0007',
    ]) {
      expect(
        errorsAfter((d) => (d.checklists[0].items[2].link.url = url)),
        url,
      ).toEqual([{ path: 'checklists[0].items[2].link.url', message: 'must be a path on your site ("/settings/team") or an https:// URL' }]);
    }
    for (const url of ['/', '/settings/team?tab=1#x', 'https://acme.example', 'https://acme.example/docs?q=1']) {
      expect(
        errorsAfter((d) => (d.checklists[0].items[2].link.url = url)),
        url,
      ).toEqual([]);
    }
  });

  it('explains a bad condition through the kind it names, with the full path', () => {
    const done = (cond: unknown) => errorsAfter((d) => (d.checklists[0].items[1].done = cond));
    expect(done({ all: [{ event: 'A' }, { event: 5 }] })).toEqual([{ path: 'checklists[0].items[1].done.all[1].event', message: 'must be a string' }]);
    expect(done({ event: 'A', count: { gte: -1 } })).toEqual([{ path: 'checklists[0].items[1].done.count.gte', message: 'must be at least 0' }]);
    expect(done({ event: 'A', count: {} })).toEqual([{ path: 'checklists[0].items[1].done.count', message: 'needs at least one of gte, gt, lte, lt, eq' }]);
    expect(done({ event: 'A', within: { days: 7, hours: 1 } })).toEqual([
      { path: 'checklists[0].items[1].done.within', message: 'needs exactly one of days, hours' },
    ]);
    expect(done({ event: 'A', within: { weeks: 1 } })).toContainEqual({ path: 'checklists[0].items[1].done.within.weeks', message: 'is not a known field' });
    expect(done({ event: 'A', cout: { gte: 1 } })).toEqual([{ path: 'checklists[0].items[1].done.cout', message: 'is not a known field' }]);
    expect(done({ trait: 'plan', op: 'in', value: 'pro' })).toEqual([{ path: 'checklists[0].items[1].done.value', message: '"in" needs an array of values' }]);
    expect(done({ trait: 'plan', op: 'eq' })).toEqual([{ path: 'checklists[0].items[1].done.value', message: '"eq" needs a value' }]);
    expect(done({ trait: 'plan', op: 'exists', value: true })[0]?.message).toMatch(/takes no value/);
    expect(done({ trait: 'plan', op: 'like', value: 'x' })[0]?.path).toBe('checklists[0].items[1].done.op');
    expect(done({ daysSinceStart: { gte: 7 }, scope: 'team' })[0]?.path).toBe('checklists[0].items[1].done.scope');
    expect(done({ not: { any: [{ milestone: 'Activated!' }] } })[0]?.path).toBe('checklists[0].items[1].done.not.any[0].milestone');
    expect(done({ evnt: 'A' })).toEqual([
      {
        path: 'checklists[0].items[1].done',
        message: 'must be a condition: an object with one of "event", "trait", "milestone", "checklist", "daysSinceStart", "page", "all", "any", "not"',
      },
    ]);
    expect(done({ event: 'A', trait: 'plan' })[0]?.message).toMatch(/has "event" and "trait", but a condition has exactly one/);
    expect(done([{ event: 'A' }])[0]?.path).toBe('checklists[0].items[1].done');
  });

  it('caps condition nesting with a clear error', () => {
    let deep: unknown = { event: 'A' };
    for (let i = 0; i < 11; i++) deep = { not: deep };
    expect(errorsAfter((d) => (d.milestones[0].condition = deep))).toEqual([]);
    expect(errorsAfter((d) => (d.milestones[0].condition = { all: [deep] }))).toEqual([
      {
        path: `milestones[0].condition.all[0]${'.not'.repeat(11)}`,
        message: 'nests "all", "any" and "not" deeper than 12 levels; flatten it or name a part as a milestone',
      },
    ]);
    let hostile: unknown = { event: 'A' };
    for (let i = 0; i < 100_000; i++) hostile = { not: hostile };
    expect(errorsAfter((d) => (d.milestones[0].condition = hostile))[0]?.message).toBe('nested deeper than 64 levels');
  });

  it('checks keys are unique per section, per checklist and per guide', () => {
    expect(errorsAfter((d) => (d.features[3].key = 'projects.create'))).toEqual([
      { path: 'features[3].key', message: 'duplicate key "projects.create" (already used at index 0)' },
    ]);
    expect(errorsAfter((d) => (d.checklists[0].items[4].key = 'invite'))).toEqual([
      { path: 'checklists[0].items[4].key', message: 'duplicate key "invite" (already used at index 2)' },
    ]);
    expect(errorsAfter((d) => (d.guides[0].steps[2].key = 'new'))[0]?.path).toBe('guides[0].steps[2].key');
    expect(errorsAfter((d) => d.guides.push(d.guides[0]))[0]?.path).toBe('guides[4].key');
  });

  it('checks references to guides, milestones, checklists and items', () => {
    expect(errorsAfter((d) => (d.checklists[0].items[2].guide = 'invite'))).toEqual([
      { path: 'checklists[0].items[2].guide', message: 'guide "invite" is not defined in guides' },
    ]);
    expect(errorsAfter((d) => (d.milestones[3].condition.all[0].milestone = 'activate'))).toEqual([
      { path: 'milestones[3].condition.all[0].milestone', message: 'milestone "activate" is not defined in milestones' },
    ]);
    expect(errorsAfter((d) => (d.milestones[2].condition = { checklist: 'onboarding' }))).toEqual([
      { path: 'milestones[2].condition.checklist', message: 'checklist "onboarding" is not defined in checklists' },
    ]);
    expect(errorsAfter((d) => (d.checklists[0].audience = { checklist: 'onboarding', item: 'x' }))).toEqual([
      { path: 'checklists[0].audience.checklist', message: 'checklist "onboarding" is not defined in checklists' },
    ]);
    expect(errorsAfter((d) => (d.checklists[0].items[4].done = { all: [{ event: 'A' }, { checklist: 'getting-started', item: 'invit' }] }))).toEqual([
      { path: 'checklists[0].items[4].done.all[1].item', message: 'checklist "getting-started" has no item "invit"' },
    ]);
  });

  it('allows one first-value milestone', () => {
    expect(errorsAfter((d) => (d.milestones[2].firstValue = true))).toEqual([
      { path: 'milestones[2].firstValue', message: 'only one milestone can be the first value, and "activated" already is' },
    ]);
    expect(errorsAfter((d) => (d.milestones[0].firstValue = false))).toEqual([]);
  });

  it('refuses cycles between milestones, checklists and items', () => {
    expect(errorsAfter((d) => (d.milestones[0].condition = { milestone: 'power-user' }))).toEqual([
      {
        path: 'milestones[3].condition.all[0].milestone',
        message: 'milestone "activated" depends on itself: milestone "activated" → milestone "power-user" → milestone "activated"',
      },
    ]);
    expect(errorsAfter((d) => (d.milestones[0].condition = { milestone: 'activated' }))[0]?.path).toBe('milestones[0].condition.milestone');
    // An item done when its own checklist is complete: item → checklist → item.
    const viaChecklist = errorsAfter((d) => (d.checklists[0].items[4].done = { milestone: 'onboarded' }));
    expect(viaChecklist).toHaveLength(1);
    expect(viaChecklist[0]?.message).toMatch(/depends on itself: .*milestone "onboarded" → checklist "getting-started" → item "export-report"/);
  });

  it('reports hostile JSON shapes before parsing', () => {
    expect(errorsOf(JSON.parse('{"version":1,"guides":[{"__proto__":{}}]}'))).toEqual([
      { path: 'guides[0].__proto__', message: 'key "__proto__" is not allowed' },
    ]);
    expect(errorsOf({ version: 1, features: [{ key: 'a', name: 'x'.repeat(2_000_000), tier: 'basic' }] })[0]?.message).toMatch(
      /a config can be at most 1048576/,
    );
  });
});

describe('featureEventKeys', () => {
  it("counts the feature's own tag first, then its events, once each", () => {
    expect(featureEventKeys({ key: 'reports.export', events: ['Report Exported', 'Feature Used:reports.export', 'Report Exported'] })).toEqual([
      'Feature Used:reports.export',
      'Report Exported',
    ]);
    expect(featureEventKeys({ key: 'integrations.slack' })).toEqual(['Feature Used:integrations.slack']);
  });
});

describe('configJsonSchema', () => {
  it('is a JSON Schema object with every section and the recursive condition', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown>; required: string[]; $defs: Record<string, unknown>; $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties).sort()).toEqual([
      '$schema',
      'announcements',
      'checklists',
      'features',
      'gates',
      'guides',
      'health',
      'milestones',
      'nudges',
      'successPlans',
      'version',
    ]);
    expect(schema.required).toEqual(['version']);
    expect(schema.$defs).toHaveProperty('Condition');
    expect(JSON.stringify(schema)).toContain('"$ref":"#/$defs/Condition"');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

describe('defineConfig', () => {
  it('returns the config unchanged', () => {
    const config = defineConfig({ version: 1, checklists: [{ key: 'a', title: 'A', items: [{ key: 'b', title: 'B', done: { event: 'X' } }] }] });
    expect(validateConfig(config).ok).toBe(true);
    expect(defineConfig(acmeConfig)).toBe(acmeConfig);
  });
});
