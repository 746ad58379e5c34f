import { afterEach, describe, expect, it } from 'vitest';
import { createGuidance } from './guidance.js';
import { createIdentity } from './identity.js';
import type { Platform } from './platform.js';

// Which configs make the tracker load the UI chunk: only those with something it may show.
describe('createGuidance', () => {
  afterEach(() => {
    for (const s of document.head.querySelectorAll('script')) s.remove();
  });

  const loads = async (config: Record<string, unknown>): Promise<boolean> => {
    const reply = (url: string) => (url.includes('/v1/config') ? { config: { checklists: [], guides: [], gates: [], ...config } } : { snapshot: {} });
    const platform = {
      fetch: async (url: string) => ({ status: 200, json: async () => reply(url) }),
      storage: undefined,
    } as unknown as Platform;
    const guidance = createGuidance({
      api: 'https://collector.test',
      key: 'pk_1',
      ui: 'https://collector.test/sdk/waymark-ui.js',
      platform,
      identity: createIdentity(undefined, () => 'anon'),
      sheet: new CSSStyleSheet(),
      track: () => undefined,
    });
    await new Promise((r) => setTimeout(r, 20));
    const loaded = document.querySelector('script[src$="waymark-ui.js"]') !== null;
    guidance.destroy();
    return loaded;
  };

  it('loads the UI for guides (the assistant finds them, a trigger may start one) and announcements, not for an empty config', async () => {
    const steps = [{ key: 's', title: 'S', body: 'B' }];
    expect(await loads({})).toBe(false);
    // A config served before announcements existed has no such section.
    expect(await loads({ announcements: undefined })).toBe(false);
    expect(await loads({ guides: [{ key: 'g', title: 'G', steps }] })).toBe(true);
    expect(await loads({ announcements: [{ key: 'a', title: 'A', body: 'B', kind: 'modal' }] })).toBe(true);
  });
});
