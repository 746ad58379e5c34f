import { describe, expect, it } from 'vitest';
import { noFacts, type ConditionFacts } from '../condition/condition-facts.js';
import { evaluateCondition } from '../condition/evaluate-condition.js';
import { explainCondition } from '../condition/explain-condition.js';
import { validateConfig } from '../config/validate-config.js';
import { emptySnapshot } from '../state/state-snapshot.js';
import { snapshotFacts } from '../state/snapshot-facts.js';
import { matchPage, matchWildcard } from './match-page.js';
import { pageFacts, type PageFacts } from './page-facts.js';

const at = (url: string, title = ''): PageFacts => pageFacts({ url: `https://app.test${url}`, title })!;
const facts = (page: PageFacts | undefined): ConditionFacts => noFacts(0, { page: () => page });

describe('pageFacts', () => {
  it('reads path, query, hash route and title from page view properties', () => {
    expect(pageFacts({ url: 'https://app.test/app/reports?tab=a#/x/y?z=1', path: '/app/reports', search: '?tab=a', title: 'Reports' })).toEqual({
      path: '/app/reports',
      hash: '/x/y?z=1',
      search: 'tab=a',
      title: 'Reports',
    });
    // Without a path property, the URL's path.
    expect(pageFacts({ url: 'https://app.test' })).toEqual({ path: '/', hash: '', search: '', title: '' });
    expect(pageFacts({ url: 'https://app.test/a/b#/c' })?.path).toBe('/a/b');
    expect(pageFacts({})).toBeUndefined();
    expect(pageFacts('x')).toBeUndefined();
    expect(pageFacts(null)).toBeUndefined();
  });
});

describe('matchPage', () => {
  it('matches the path pattern, and the hash route only when the pattern has one', () => {
    expect(matchPage({ page: '/app/reports' }, at('/app/reports'))).toBe(true);
    expect(matchPage({ page: '/app/reports' }, at('/app/reports#/anything'))).toBe(true);
    expect(matchPage({ page: '/app/:id' }, at('/app/reports'))).toBe(true);
    expect(matchPage({ page: '/app/reports' }, at('/app/projects'))).toBe(false);
    expect(matchPage({ page: '/#/settings' }, at('/#/settings'))).toBe(true);
    expect(matchPage({ page: '/#/settings' }, at('/#/settings?tab=team'))).toBe(true);
    expect(matchPage({ page: '/#/settings' }, at('/#/'))).toBe(false);
    expect(matchPage({ page: '/#/settings' }, at('/'))).toBe(false);
    expect(matchPage({ page: '*' }, at('/'))).toBe(true);
    expect(matchPage({ page: '*' }, at('/a/b/c#/d'))).toBe(true);
  });
  it('needs every query parameter named: a value, or "*" for any non-empty one; the hash route query counts', () => {
    expect(matchPage({ page: '/team', query: { tab: 'invites' } }, at('/team?tab=invites&x=1'))).toBe(true);
    expect(matchPage({ page: '/team', query: { tab: 'invites' } }, at('/team?tab=members'))).toBe(false);
    expect(matchPage({ page: '/team', query: { tab: 'invites' } }, at('/team'))).toBe(false);
    expect(matchPage({ page: '/team', query: { tab: '*' } }, at('/team?tab=x'))).toBe(true);
    expect(matchPage({ page: '/team', query: { tab: '*' } }, at('/team?tab='))).toBe(false);
    expect(matchPage({ page: '/team', query: { q: 'a b' } }, at('/team?q=a+b'))).toBe(true);
    expect(matchPage({ page: '/team', query: { q: 'é' } }, at('/team?q=%C3%A9'))).toBe(true);
    expect(matchPage({ page: '/team', query: { q: '%zz' } }, at('/team?q=%zz'))).toBe(true);
    expect(matchPage({ page: '/#/list', query: { f: 'done' } }, at('/#/list?f=done'))).toBe(true);
  });
  it('matches the title with * wildcards, ignoring case', () => {
    expect(matchPage({ page: '*', title: 'Reports*' }, at('/', 'Reports · Acme'))).toBe(true);
    expect(matchPage({ page: '*', title: 'reports' }, at('/', 'Reports'))).toBe(true);
    expect(matchPage({ page: '*', title: 'Reports' }, at('/', 'Reports · Acme'))).toBe(false);
    expect(matchPage({ page: '*', title: '*Acme' }, at('/', 'Reports · Acme'))).toBe(true);
    expect(matchWildcard('a*b*c', 'aXbYc')).toBe(true);
    expect(matchWildcard('a*b*c', 'acb')).toBe(false);
    expect(matchWildcard('ab*ba', 'aba')).toBe(false);
    expect(matchWildcard('*', '')).toBe(true);
  });
});

describe('page conditions', () => {
  it('hold on a matching page, are false while the page is unknown, and explain themselves', () => {
    const c = { page: '/#/settings', query: { tab: 'team' } };
    expect(evaluateCondition(c, facts(at('/#/settings?tab=team')))).toBe(true);
    expect(evaluateCondition(c, facts(at('/#/')))).toBe(false);
    expect(evaluateCondition(c, facts(undefined))).toBe(false);
    expect(explainCondition(c, facts(at('/#/')))).toMatchObject({ kind: 'page', result: false, reason: 'on "/#/", needs "/#/settings", tab=team' });
    expect(explainCondition(c, facts(undefined)).reason).toBe('page unknown, needs "/#/settings", tab=team');
    expect(explainCondition({ page: '*', title: 'Re*' }, facts(at('/r', 'Reports'))).reason).toBe('on "/r" ("Reports"), needs any page, title "Re*"');
  });
  it('read the latest page of a snapshot (what the collector serves)', () => {
    const snapshot = { ...emptySnapshot(), page: at('/app/reports') };
    expect(evaluateCondition({ page: '/app/*' }, snapshotFacts(snapshot, 0))).toBe(true);
    expect(evaluateCondition({ page: '/app/*' }, snapshotFacts(emptySnapshot(), 0))).toBe(false);
  });
  it('are validated with errors that name the field', () => {
    const doc = (done: unknown) => ({ version: 1, checklists: [{ key: 'c', title: 'C', items: [{ key: 'i', title: 'I', done }] }] });
    expect(validateConfig(doc({ page: '/#/settings', query: { tab: '*' }, title: 'Settings*' })).ok).toBe(true);
    const errors = (done: unknown) => {
      const r = validateConfig(doc(done));
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errors({ page: 'settings' })).toEqual([
      'checklists[0].items[0].done.page: must be "*" (any page) or a URL path pattern such as "/app/projects/:id" or "/#/active"',
    ]);
    expect(errors({ page: '/a', query: { tab: 3 } })).toEqual(['checklists[0].items[0].done.query.tab: must be a string']);
    expect(errors({ page: '/a', title: '' })).toEqual(['checklists[0].items[0].done.title: must not be empty']);
    expect(errors({ page: '/a', path: '/b' })[0]).toContain('path');
  });
});
