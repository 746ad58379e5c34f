import { describe, expect, it } from 'vitest';
import { activeMs } from './active-ms.js';
import { detectStuck } from './detect-stuck.js';
import { findRageClicks } from './find-rage-clicks.js';
import { defaultStuckRules } from './stuck-rules.js';
import type { ActivityInterval, ClickSample } from './stuck-signals.js';

/** An injected clock: the tests move it, detectStuck only reads what it is handed. */
const clock = (start: number) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};
const t0 = Date.UTC(2026, 2, 10, 10, 0);
const shown = (start: number, end: number): ActivityInterval => ({ start, end, visible: true, active: true });
const click = (at: number, x = 100, y = 100, more: Partial<ClickSample> = {}): ClickSample => ({ at, x, y, onTarget: false, caused: true, ...more });

describe('detectStuck', () => {
  it('is not stuck with no signals', () => {
    expect(detectStuck({}, t0)).toEqual({ stuck: false, detail: 'not stuck: 0 s active, 0 visits, 0 failed attempts, 0 errors' });
  });

  it('counts active time on the step as the clock moves', () => {
    const c = clock(t0);
    c.advance(60_000);
    expect(detectStuck({ since: t0, activity: [shown(t0, c.now())] }, c.now()).stuck).toBe(false);
    c.advance(30_000);
    expect(detectStuck({ since: t0, activity: [shown(t0, c.now())] }, c.now())).toEqual({
      stuck: true,
      reason: 'idle-on-step',
      detail: '90 s active without progress, needs 90 s',
    });
    expect(detectStuck({ activeMs: 90_000 }, c.now()).reason).toBe('idle-on-step');
  });

  it('does not count hidden or idle time, time before progress, or overlaps twice', () => {
    const activity: ActivityInterval[] = [
      shown(t0, t0 + 40_000),
      { start: t0 + 40_000, end: t0 + 400_000, visible: false, active: true },
      { start: t0 + 400_000, end: t0 + 800_000, visible: true, active: false },
      shown(t0 + 800_000, t0 + 840_000),
      shown(t0 + 820_000, t0 + 840_000),
    ];
    expect(activeMs(activity, -Infinity, t0 + 900_000)).toBe(80_000);
    expect(detectStuck({ activity }, t0 + 900_000).stuck).toBe(false);
    expect(activeMs(activity, t0 + 20_000, t0 + 830_000)).toBe(50_000);
    expect(detectStuck({ since: t0 + 800_000, activity: [...activity, shown(t0 - 500_000, t0)] }, t0 + 900_000).stuck).toBe(false);
    expect(detectStuck({ activity, activeMs: 500_000 }, t0 + 900_000).stuck).toBe(false);
  });

  it('notices repeat visits, failed attempts and errors', () => {
    expect(detectStuck({ visits: 2 }, t0).stuck).toBe(false);
    expect(detectStuck({ visits: 3 }, t0)).toEqual({ stuck: true, reason: 'repeat-visits', detail: '3 visits without completing it, needs 3' });
    expect(detectStuck({ attempts: 4, successes: 2 }, t0).stuck).toBe(false);
    expect(detectStuck({ attempts: 3 }, t0)).toEqual({ stuck: true, reason: 'failed-attempts', detail: '3 attempts without success, needs 3' });
    expect(detectStuck({ errors: 3 }, t0)).toEqual({ stuck: true, reason: 'errors', detail: '3 errors, needs 3' });
    expect(detectStuck({ errors: 1 }, t0, { errors: 1 }).reason).toBe('errors');
  });

  it('notices rage clicks: enough clicks, fast enough, close enough', () => {
    const c = clock(t0);
    const burst = [click(c.now()), click(c.now() + 300, 110, 110), click(c.now() + 600, 95, 120)];
    c.advance(1000);
    expect(detectStuck({ clicks: burst }, c.now())).toEqual({ stuck: true, reason: 'rage-clicks', detail: '3 clicks within 600 ms in one spot' });
    expect(detectStuck({ clicks: burst.slice(0, 2) }, c.now()).stuck).toBe(false);
    expect(detectStuck({ clicks: [burst[0]!, burst[1]!, click(t0 + 800)] }, c.now()).stuck).toBe(false);
    expect(detectStuck({ clicks: [burst[0]!, burst[1]!, click(t0 + 600, 200, 100)] }, c.now()).stuck).toBe(false);
    expect(findRageClicks([...burst].reverse(), defaultStuckRules.rage)?.map((x) => x.at)).toEqual([t0, t0 + 300, t0 + 600]);
    c.advance(defaultStuckRules.clickWindowMs);
    expect(detectStuck({ clicks: burst }, c.now()).stuck).toBe(false);
    expect(detectStuck({ clicks: burst, since: t0 + 100 }, t0 + 1000).stuck).toBe(false);
  });

  it('notices dead clicks on or near the target, not clicks elsewhere or that caused something', () => {
    const dead = (at: number) => click(at, at - t0, 0, { onTarget: true, caused: false });
    expect(detectStuck({ clicks: [dead(t0), dead(t0 + 5_000)] }, t0 + 6_000)).toEqual({
      stuck: true,
      reason: 'dead-clicks',
      detail: '2 clicks on or near the target caused nothing, needs 2',
    });
    expect(detectStuck({ clicks: [dead(t0), click(t0 + 5_000, 0, 0, { onTarget: true })] }, t0 + 6_000).stuck).toBe(false);
    expect(detectStuck({ clicks: [dead(t0), click(t0 + 5_000, 0, 0, { caused: false })] }, t0 + 6_000).stuck).toBe(false);
  });

  it('gives the most acute reason when several hold', () => {
    expect(detectStuck({ visits: 5, errors: 5, activeMs: 1e6 }, t0).reason).toBe('errors');
    expect(detectStuck({ visits: 5, activeMs: 1e6 }, t0).reason).toBe('repeat-visits');
  });
});
