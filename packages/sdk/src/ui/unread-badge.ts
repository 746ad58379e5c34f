import type { ComponentChild } from 'preact';
import type { Preact } from './assistant-panel.js';
import { format, type Strings } from './strings.js';

/** How many unread, as a badge: the number shown, the words read. */
export const unreadBadge = (h: Preact['h'], id: string | undefined, n: number, s: Strings): ComponentChild =>
  n ? h('span', { class: 'n', id }, h('span', { 'aria-hidden': 'true' }, n), h('span', { class: 'sr' }, format(s.unread, { n }))) : null;
