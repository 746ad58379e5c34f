import { describe, expect, it } from 'vitest';
import type { Guide, GuideStep } from '../config/guide.js';
import { guideEntry } from './guide-entry.js';

const step = (url?: string): GuideStep => ({
  key: 's',
  title: 'S',
  body: '',
  placement: 'auto',
  advance: 'next',
  waitMs: 5000,
  onMissing: 'skip',
  ...(url ? { url } : {}),
});
const guide = (...urls: Array<string | undefined>): Guide => ({ key: 'g', title: 'G', steps: urls.map(step) });

describe('guideEntry', () => {
  it('is nothing when the first step belongs here or anywhere', () => {
    expect(guideEntry(guide('/app/projects'), '/app/projects')).toBeUndefined();
    expect(guideEntry(guide('/app/*', '/app/team'), '/app/reports')).toBeUndefined();
    expect(guideEntry(guide(undefined, '/app/team'), '/login')).toBeUndefined();
  });

  it("is the first step's page when it names one", () => {
    expect(guideEntry(guide('/app/projects', '/app/projects/:id'), '/app/team')).toBe('/app/projects');
    expect(guideEntry(guide('/#/reports'), '/#/')).toBe('/#/reports');
  });

  it("is a later step's page that the first step's pattern matches, when the first names none", () => {
    expect(guideEntry(guide('/app/*', '/app/team', '/app/team'), '/login')).toBe('/app/team');
    expect(guideEntry(guide('/app/*', '/settings', '/app/settings'), '/')).toBe('/app/settings');
    expect(guideEntry(guide('/app/projects/:id', '/app/projects/:id'), '/app')).toBeUndefined();
  });
});
