import { describe, expect, it } from 'vitest';
import { arbitrate, type ScreenWants } from './arbitrate.js';

const none: ScreenWants = { quiet: false, guideRunning: false, hint: false, nudge: false, panel: false, toast: false };
const all: ScreenWants = { quiet: false, guideRunning: true, hint: true, nudge: true, panel: true, toast: true };

describe('arbitrate', () => {
  it('shows nothing and lets a nudge start when nothing wants the screen', () => {
    expect(arbitrate(none)).toEqual({ tour: false, hint: false, nudge: false, toast: false, startHold: undefined });
  });

  it('a running guide beats everything, even while it waits for its target', () => {
    expect(arbitrate(all)).toEqual({ tour: true, hint: false, nudge: false, toast: false, startHold: 'guide-running' });
    expect(arbitrate({ ...none, guideRunning: true }).startHold).toBe('guide-running');
  });

  it('a hint beats a nudge; a toast shows beside either', () => {
    expect(arbitrate({ ...all, guideRunning: false })).toEqual({ tour: false, hint: true, nudge: false, toast: true, startHold: 'hint-open' });
    expect(arbitrate({ ...none, nudge: true, toast: true })).toEqual({ tour: false, hint: false, nudge: true, toast: true, startHold: 'nudge-open' });
  });

  it('an open checklist panel holds back anything that starts by itself, and hides nothing', () => {
    expect(arbitrate({ ...none, panel: true })).toEqual({ tour: false, hint: false, nudge: false, toast: false, startHold: 'panel-open' });
    expect(arbitrate({ ...none, panel: true, nudge: true }).nudge).toBe(true);
  });

  it('quiet holds everything', () => {
    expect(arbitrate({ ...all, quiet: true })).toEqual({ tour: false, hint: false, nudge: false, toast: false, startHold: 'quiet' });
  });

  it('never draws two dialogs at once, whatever is wanted', () => {
    for (let bits = 0; bits < 64; bits++) {
      const [quiet, guideRunning, hint, nudge, toast, panel] = [1, 2, 4, 8, 16, 32].map((b) => (bits & b) !== 0) as [
        boolean,
        boolean,
        boolean,
        boolean,
        boolean,
        boolean,
      ];
      const s = arbitrate({ quiet, guideRunning, hint, nudge, toast, panel });
      expect([s.tour, s.hint, s.nudge].filter(Boolean).length).toBeLessThanOrEqual(1);
      // Nothing is drawn that was not wanted, and a nudge may start only onto an empty screen.
      expect(s.hint && !hint).toBe(false);
      expect(s.nudge && !nudge).toBe(false);
      expect(s.startHold === undefined).toBe(!quiet && !guideRunning && !hint && !nudge && !panel);
    }
  });
});
