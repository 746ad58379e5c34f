import { describe, expect, it } from 'vitest';
import type { Guide } from '../config/guide.js';
import { searchGuides } from './search-guides.js';

const guide = (key: string, title: string, keywords?: string[]): Guide => ({
  key,
  title,
  ...(keywords ? { keywords } : {}),
  steps: [{ key: 's', title: 'S', body: '', placement: 'auto', advance: 'next', waitMs: 5000, onMissing: 'skip' }],
});
const guides = [
  guide('create-project', 'Create a project', ['new project', 'start', 'create']),
  guide('invite-teammate', 'Invite a teammate', ['invite', 'teammate', 'colleague', 'team', 'member', 'add user']),
  guide('export-report', 'Export a report', ['export', 'csv', 'download', 'report']),
  guide('reports-tour', 'Reports in a minute', ['reports', 'analytics', 'cycle time']),
];
const keys = (query: string) => searchGuides({ guides }, query).map((g) => g.key);

describe('searchGuides', () => {
  it('finds a guide from a question, leaving out how/do/I/a', () => {
    expect(keys('How do I invite a teammate?')).toEqual(['invite-teammate']);
    expect(keys('invite a teammate')).toEqual(['invite-teammate']);
  });

  it('matches keywords as well as the title, the title weighing more', () => {
    expect(keys('colleague')).toEqual(['invite-teammate']);
    expect(keys('add user')).toEqual(['invite-teammate']);
    // "report" is in both titles' words or keywords: the exact title word first.
    expect(keys('report')).toEqual(['export-report', 'reports-tour']);
    expect(keys('csv')).toEqual(['export-report']);
  });

  it('matches the start of a word as the user types, and longer forms of a word', () => {
    expect(keys('inv')).toEqual(['invite-teammate']);
    expect(keys('exp')).toEqual(['export-report']);
    expect(keys('inviting teammates')).toEqual(['invite-teammate']);
    expect(keys('Exporting')).toEqual(['export-report']);
  });

  it('ranks guides matching more of the question first, ties in config order', () => {
    expect(keys('create project team')).toEqual(['create-project', 'invite-teammate']);
    expect(keys('start new')).toEqual(['create-project']);
  });

  it('finds nothing for an empty question, stop words only, or unknown words', () => {
    expect(keys('')).toEqual([]);
    expect(keys('  how do I ? ')).toEqual([]);
    expect(keys('quantum')).toEqual([]);
    expect(searchGuides({ guides: [] }, 'invite')).toEqual([]);
  });

  it('ignores case and punctuation', () => {
    expect(keys('INVITE!!!')).toEqual(['invite-teammate']);
    expect(keys('cycle-time')).toEqual(['reports-tour']);
  });
});
