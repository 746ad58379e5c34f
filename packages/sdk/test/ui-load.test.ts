import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, createWaymark } from '../src/index.js';
import { memoryStorage, response, settle } from './harness.js';

// The UI chunk is fetched by a <script>; a script removed while it loads still runs in browsers.
describe('loading the UI chunk', () => {
  const uiUrl = 'https://collector.test/sdk/waymark-ui.js';
  const config = { config: { version: 1, features: [], milestones: [], checklists: [{ key: 'c', title: 'C', items: [] }], guides: [], gates: [], nudges: [] } };
  const start = () =>
    createWaymark({
      key: 'pk_test',
      api: 'https://collector.test',
      ui: uiUrl,
      autoPage: false,
      platform: {
        fetch: async (url) => response(200, String(url).includes('/v1/config') ? config : {}),
        queue: createMemoryStore(),
        storage: memoryStorage(),
      },
    });
  afterEach(() => {
    vi.restoreAllMocks();
    delete (window as unknown as Record<string, unknown>)['__waymarkUi'];
    document.head.innerHTML = '';
  });

  it('mounts the UI when the chunk runs, and not for a tracker destroyed while it loaded', async () => {
    const mount = vi.fn(() => ({ command: () => undefined, destroy: () => undefined }));
    (window as unknown as Record<string, unknown>)['__waymarkUi'] = mount;

    // happy-dom reports the script loaded (it fetches no file in these tests).
    const live = start();
    await settle();
    expect(mount).toHaveBeenCalledTimes(1);
    live.destroy();
    document.head.innerHTML = '';

    // The load event comes after destroy.
    const gone = start();
    const append = vi.spyOn(document.head, 'append').mockImplementationOnce(() => undefined);
    await settle();
    expect(append).toHaveBeenCalledTimes(1);
    const loading = append.mock.calls[0]![0] as HTMLScriptElement;
    expect(loading.src).toBe(uiUrl);
    gone.destroy();
    loading.dispatchEvent(new Event('load'));
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('may be destroyed twice: the page keeps its head', async () => {
    (window as unknown as Record<string, unknown>)['__waymarkUi'] = () => ({ command: () => undefined, destroy: () => undefined });
    const w = start();
    await settle();
    w.destroy();
    w.destroy();
    expect(document.documentElement.contains(document.head)).toBe(true);
  });
});
