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

  it('loads the UI for a guide that starts by itself, not for guides that wait to be started', async () => {
    const steps = [{ key: 's', title: 'S', body: 'B' }];
    expect(await loads({ guides: [{ key: 'g', title: 'G', steps }] })).toBe(false);
    expect(await loads({ guides: [{ key: 'g', title: 'G', steps, trigger: { page: '/reports', priority: 0 } }] })).toBe(true);
  });
});
