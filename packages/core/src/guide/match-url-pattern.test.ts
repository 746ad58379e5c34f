import { describe, expect, it } from 'vitest';
import { matchUrlPattern } from './match-url-pattern.js';

describe('matchUrlPattern', () => {
  it('matches literal paths, ignoring a trailing slash, a query and a hash', () => {
    expect(matchUrlPattern('/app/team', '/app/team')).toEqual({});
    expect(matchUrlPattern('/app/team', '/app/team/')).toEqual({});
    expect(matchUrlPattern('/app/team/', '/app/team?x=1#y')).toEqual({});
    expect(matchUrlPattern('/app/team', '/app/teams')).toBeUndefined();
    expect(matchUrlPattern('/app/team', '/app')).toBeUndefined();
    expect(matchUrlPattern('/', '/')).toEqual({});
    expect(matchUrlPattern('/', '/app')).toBeUndefined();
  });
  it('captures :params, decoded', () => {
    expect(matchUrlPattern('/app/projects/:id', '/app/projects/prj_1')).toEqual({ id: 'prj_1' });
    expect(matchUrlPattern('/app/projects/:id', '/app/projects/a%20b')).toEqual({ id: 'a b' });
    expect(matchUrlPattern('/app/projects/:id', '/app/projects/%E0%A4%A')).toEqual({ id: '%E0%A4%A' });
    expect(matchUrlPattern('/app/projects/:id', '/app/projects')).toBeUndefined();
    expect(matchUrlPattern('/app/projects/:id', '/app/projects/1/tasks')).toBeUndefined();
  });
  it('treats * as one segment, and a trailing * as the rest', () => {
    expect(matchUrlPattern('/app/*/edit', '/app/p1/edit')).toEqual({});
    expect(matchUrlPattern('/app/*/edit', '/app/p1/view')).toBeUndefined();
    expect(matchUrlPattern('/app/*', '/app/projects/1/tasks')).toEqual({});
    expect(matchUrlPattern('/app/*', '/app')).toBeUndefined();
  });
  it('matches hash routes when the pattern has a #', () => {
    expect(matchUrlPattern('/#/active', '/#/active')).toEqual({});
    expect(matchUrlPattern('/#/active', '/#/completed')).toBeUndefined();
    expect(matchUrlPattern('/#/active', '/')).toBeUndefined();
    expect(matchUrlPattern('/#/', '/')).toEqual({});
    expect(matchUrlPattern('/#/', '/#/')).toEqual({});
    expect(matchUrlPattern('/todos/#/items/:id', '/todos#/items/42?tab=1')).toEqual({ id: '42' });
    expect(matchUrlPattern('/app/:org#/settings/*', '/app/acme#/settings/billing/plan')).toEqual({ org: 'acme' });
    expect(matchUrlPattern('/app/:org#/settings/*', '/app/acme#/reports')).toBeUndefined();
    // A hash without a leading slash reads as one.
    expect(matchUrlPattern('/#/active', '/#active')).toEqual({});
    // Without # in the pattern the hash is ignored.
    expect(matchUrlPattern('/', '/#/active')).toEqual({});
  });
});
