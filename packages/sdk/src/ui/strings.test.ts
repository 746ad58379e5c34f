import { describe, expect, it } from 'vitest';
import { defaultStrings, format, mergeStrings } from './strings.js';

describe('strings', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format(defaultStrings.announce, { n: 2, total: 5, title: 'Invite' })).toBe('Step 2 of 5: Invite');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(format('{constructor}', {})).toBe('{constructor}');
  });

  it('overrides known keys with strings only', () => {
    const s = mergeStrings(defaultStrings, { next: 'Weiter', launcher: '{title} ({done} von {total})', bogus: 'x', done: 5 });
    expect(s.next).toBe('Weiter');
    expect(s.done).toBe('Done');
    expect(s).not.toHaveProperty('bogus');
    expect(defaultStrings.next).toBe('Next');
    expect(mergeStrings(defaultStrings, null)).toEqual(defaultStrings);
  });
});
