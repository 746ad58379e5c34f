import { describe, expect, it } from 'vitest';
import { arbitrate, type ScreenWants } from './arbitrate.js';

const none: ScreenWants = { quiet: false, guideRunning: false, hint: false, nudge: false, toast: false };
const all: ScreenWants = { quiet: false, guideRunning: true, hint: true, nudge: true, toast: true };

describe('arbitrate', () => {
  it('shows nothing and lets a nudge start when nothing wants the screen', () => {
    expect(arbitrate(none)).toEqual({ tour: false, hint: false, nudge: false, toast: false, nudgeHold: undefined });
  });

  it('a running guide beats everything, even while it waits for its target', () => {
    expect(arbitrate(all)).toEqual({ tour: true, hint: false, nudge: false, toast: false, nudgeHold: 'guide-running' });
    expect(arbitrate({ ...none, guideRunning: true }).nudgeHold).toBe('guide-running');
  });

  it('a hint beats a nudge; a toast shows beside either', () => {
    expect(arbitrate({ ...all, guideRunning: false })).toEqual({ tour: false, hint: true, nudge: false, toast: true, nudgeHold: 'hint-open' });
    expect(arbitrate({ ...none, nudge: true, toast: true })).toEqual({ tour: false, hint: false, nudge: true, toast: true, nudgeHold: 'nudge-open' });
  });

  it('quiet holds everything', () => {
    expect(arbitrate({ ...all, quiet: true })).toEqual({ tour: false, hint: false, nudge: false, toast: false, nudgeHold: 'quiet' });
  });

  it('never draws two dialogs at once, whatever is wanted', () => {
    for (let bits = 0; bits < 32; bits++) {
      const [quiet, guideRunning, hint, nudge, toast] = [1, 2, 4, 8, 16].map((b) => (bits & b) !== 0) as [boolean, boolean, boolean, boolean, boolean];
      const s = arbitrate({ quiet, guideRunning, hint, nudge, toast });
      expect([s.tour, s.hint, s.nudge].filter(Boolean).length).toBeLessThanOrEqual(1);
      // Nothing is drawn that was not wanted, and a nudge may start only onto an empty screen.
      expect(s.hint && !hint).toBe(false);
      expect(s.nudge && !nudge).toBe(false);
      expect(s.nudgeHold === undefined).toBe(!quiet && !guideRunning && !hint && !nudge);
    }
  });
});
