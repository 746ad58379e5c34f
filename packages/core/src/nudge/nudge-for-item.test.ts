import { describe, expect, it } from 'vitest';
import type { Nudge } from '../config/nudge.js';
import { nudgeForItem } from './nudge-for-item.js';

const nudge = (key: string, forWhat?: Nudge['for']): Nudge => ({ key, kind: 'toast', ...(forWhat ? { for: forWhat } : {}) });

describe('nudgeForItem', () => {
  const nudges = [
    nudge('any'),
    nudge('list', { checklist: 'gs' }),
    nudge('item', { checklist: 'gs', item: 'invite' }),
    nudge('item-2', { checklist: 'gs', item: 'invite' }),
  ];

  it("prefers the item's own nudge, then its checklist's, then one for every item; the first at each level", () => {
    expect(nudgeForItem(nudges, 'gs', 'invite')?.key).toBe('item');
    expect(nudgeForItem(nudges, 'gs', 'export')?.key).toBe('list');
    expect(nudgeForItem(nudges, 'other', 'x')?.key).toBe('any');
    expect(nudgeForItem(nudges.slice(1), 'other', 'x')).toBeUndefined();
  });
});
