import { deriveFacts, emptySnapshot, recordEvent, snapshotFacts, validateConfig, type WaymarkConfig } from '@waymark/core';
import { afterEach, describe, expect, it } from 'vitest';
import { onChecklistsChange, storedChecklists } from '../checklist-views.js';
import { checklistViews, publishChecklists } from './publish-checklists.js';

/** A getting-started checklist of five items, as a product would write it. */
const valid = validateConfig({
  version: 1,
  checklists: [
    {
      key: 'getting-started',
      title: 'Getting started',
      audience: { not: { trait: 'role', op: 'eq', value: 'viewer' } },
      items: [
        { key: 'create-project', title: 'Create your first project', done: { event: 'Project Created' } },
        { key: 'add-tasks', title: 'Add three tasks', done: { event: 'Task Created', count: { gte: 3 } } },
        {
          key: 'invite',
          title: 'Invite a teammate',
          done: { any: [{ event: 'Teammate Invited' }, { trait: 'seats', scope: 'account', op: 'gte', value: 2 }] },
        },
        { key: 'connect-slack', title: 'Connect Slack', done: { event: 'Feature Used:integrations.slack' } },
        { key: 'export-report', title: 'Export a report', done: { event: 'Report Exported' } },
      ],
    },
  ],
});
if (!valid.ok) throw new Error('fixture invalid');
const config: WaymarkConfig = valid.config;
const now = Date.UTC(2026, 2, 10, 10, 30);
const facts = (events: string[]) =>
  deriveFacts(
    config,
    snapshotFacts(
      events.reduce((s, e) => recordEvent(s, e, now), emptySnapshot()),
      now,
    ),
  );

describe('checklist views', () => {
  afterEach(() => localStorage.clear());

  it('say how far the user is on each checklist, with titles, in order', () => {
    const views = checklistViews(config, facts(['Project Created']), []);
    expect(views['getting-started']).toEqual({
      key: 'getting-started',
      title: 'Getting started',
      done: 1,
      total: 5,
      complete: false,
      dismissed: false,
      audience: true,
      next: 'add-tasks',
      items: [
        { key: 'create-project', title: 'Create your first project', done: true },
        { key: 'add-tasks', title: 'Add three tasks', done: false },
        { key: 'invite', title: 'Invite a teammate', done: false },
        { key: 'connect-slack', title: 'Connect Slack', done: false },
        { key: 'export-report', title: 'Export a report', done: false },
      ],
    });
    expect(checklistViews(config, facts([]), ['getting-started'])['getting-started']?.dismissed).toBe(true);
  });

  it('are stored and announced only when they change, and the listener cleans up', () => {
    expect(storedChecklists()).toBeUndefined();
    let calls = 0;
    const stop = onChecklistsChange(() => calls++);
    publishChecklists(localStorage, checklistViews(config, facts([]), []));
    publishChecklists(localStorage, checklistViews(config, facts([]), []));
    expect(calls).toBe(1);
    expect(storedChecklists()?.['getting-started']?.done).toBe(0);
    publishChecklists(localStorage, checklistViews(config, facts(['Project Created']), []));
    expect(calls).toBe(2);
    expect(storedChecklists(localStorage)?.['getting-started']?.next).toBe('add-tasks');
    stop();
    publishChecklists(localStorage, checklistViews(config, facts(['Project Created', 'Report Exported']), []));
    expect(calls).toBe(2);
  });

  it('read nothing from damaged or blocked storage', () => {
    localStorage.setItem('waymark.checklists', '{not json');
    expect(storedChecklists()).toBeUndefined();
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(storedChecklists(blocked)).toBeUndefined();
  });
});
