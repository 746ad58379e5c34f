/** A side of the target a popover can sit on. */
export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Where a popover goes: its top-left corner, the side it ended up on, and its arrow's offset along that side. */
export interface Placed {
  x: number;
  y: number;
  side: Side;
  arrow: number;
}

const opposite: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

/**
 * Places a `w`×`h` popover next to the target rect `r` inside a `vw`×`vh` viewport, `gap` px away:
 * on the preferred side when it fits, else the opposite one, else the other two, else wherever
 * there is most room (flip); slid along its side to stay `pad` px inside the viewport (shift); the
 * arrow (`size` px) on the target's centre, kept off the corners. Pure, for position: fixed.
 */
export function place(r: DOMRectReadOnly, w: number, h: number, preferred: Side, vw: number, vh: number, gap = 12, pad = 8, size = 10): Placed {
  const room: Record<Side, number> = { top: r.top - gap - h - pad, bottom: vh - r.bottom - gap - h - pad, left: r.left - gap - w - pad, right: vw - r.right - gap - w - pad };
  const across: Side[] = preferred === 'top' || preferred === 'bottom' ? ['right', 'left'] : ['bottom', 'top'];
  const order = [preferred, opposite[preferred], ...across];
  const side = order.find((s) => room[s] >= 0) ?? order.reduce((a, b) => (room[b] > room[a] ? b : a));
  const vertical = side === 'top' || side === 'bottom';
  const x = vertical ? clamp(r.left + r.width / 2 - w / 2, pad, vw - w - pad) : side === 'left' ? r.left - gap - w : r.right + gap;
  const y = vertical ? (side === 'top' ? r.top - gap - h : r.bottom + gap) : clamp(r.top + r.height / 2 - h / 2, pad, vh - h - pad);
  const arrow = vertical ? clamp(r.left + r.width / 2 - x - size / 2, 6, w - size - 6) : clamp(r.top + r.height / 2 - y - size / 2, 6, h - size - 6);
  return { x, y, side, arrow };
}
