import { describe, expect, it } from 'vitest';
import { place } from './place.js';

const rect = (x: number, y: number, width: number, height: number) => ({ x, y, width, height, left: x, top: y, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRectReadOnly;
const vw = 1000;
const vh = 800;

describe('place', () => {
  it('sits on the preferred side, centred on the target, with the arrow on its centre', () => {
    expect(place(rect(450, 100, 100, 40), 200, 100, 'bottom', vw, vh)).toEqual({ x: 400, y: 152, side: 'bottom', arrow: 95 });
    expect(place(rect(450, 500, 100, 40), 200, 100, 'top', vw, vh)).toEqual({ x: 400, y: 388, side: 'top', arrow: 95 });
    expect(place(rect(600, 300, 100, 40), 200, 100, 'left', vw, vh)).toEqual({ x: 388, y: 270, side: 'left', arrow: 45 });
  });

  it('flips to the opposite side without room, then to the sides, then where there is most room', () => {
    expect(place(rect(450, 720, 100, 40), 200, 100, 'bottom', vw, vh).side).toBe('top');
    expect(place(rect(20, 300, 100, 40), 200, 100, 'left', vw, vh).side).toBe('right');
    // Tall popover, target in the middle of a short viewport: neither above nor below fits.
    expect(place(rect(100, 150, 100, 40), 200, 250, 'bottom', vw, 400).side).toBe('right');
    expect(place(rect(0, 150, 1000, 40), 200, 250, 'bottom', vw, 400).side).toBe('bottom');
  });

  it('shifts along its side to stay 8 px inside the viewport, the arrow still on the target', () => {
    const p = place(rect(5, 100, 30, 30), 200, 100, 'bottom', vw, vh);
    expect(p.x).toBe(8);
    expect(p.arrow).toBe(20 - 8 - 5);
    const q = place(rect(960, 100, 30, 30), 200, 100, 'bottom', vw, vh);
    expect(q.x).toBe(vw - 200 - 8);
    expect(q.arrow).toBe(975 - q.x - 5);
  });
});
