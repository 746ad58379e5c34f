import { createMemoryStore, type PostInit } from '@waymark/sdk';
import { act, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { useTrack, useWaymark, WaymarkProvider, type WaymarkOptions } from '../src/index.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let flush: (() => Promise<void>) | undefined;
let trackLater: ((event: string) => void) | undefined;
function Child() {
  const track = useTrack();
  const waymark = useWaymark();
  flush = () => waymark.flush();
  trackLater = track;
  useEffect(() => {
    waymark.identify('u1');
    track('Report Exported', { format: 'csv' });
  }, [track, waymark]);
  return null;
}

describe('WaymarkProvider with options', () => {
  it('starts the SDK in the browser, sends what children tracked first, and destroys it on unmount', async () => {
    const bodies: Array<{ batch: Array<{ type: string; event?: string; userId?: string }> }> = [];
    const fetch = vi.fn(async (_url: string, init?: PostInit) => {
      const body = JSON.parse(init!.body) as (typeof bodies)[number];
      bodies.push(body);
      return {
        status: 200,
        headers: new Headers(),
        json: async () => ({ results: body.batch.map((m) => ({ messageId: (m as { messageId?: string }).messageId, status: 'accepted' })) }),
      };
    });
    const options: WaymarkOptions = {
      key: 'pk_test',
      api: 'https://collector.test',
      ui: false,
      autoPage: false,
      platform: { fetch, queue: createMemoryStore(), storage: undefined },
    };
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    await act(async () =>
      root.render(
        <WaymarkProvider options={options}>
          <Child />
        </WaymarkProvider>,
      ),
    );
    await act(async () => flush!());
    const messages = bodies.flatMap((b) => b.batch);
    expect(messages.map((m) => [m.type, m.event, m.userId])).toEqual([
      ['identify', undefined, 'u1'],
      ['track', 'Report Exported', 'u1'],
    ]);
    await act(async () => root.unmount());
    // Unmounted: the tracker is gone, so nothing more is sent.
    await act(async () => {
      trackLater!('After Unmount');
      await flush!();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(bodies.flatMap((b) => b.batch)).toHaveLength(2);
  });
});
