// Notebook's onboarding: two first steps, and exports unlocked once both are done.
// Check it with `npx waymark validate waymark.config.ts`, send it with `npx waymark push waymark.config.ts`.
import { defineConfig } from '@waymark/core';

export default defineConfig({
  version: 1,
  features: [
    { key: 'notes.create', name: 'Notes', tier: 'basic', events: ['Note Created'] },
    { key: 'team.invite', name: 'Invite teammates', tier: 'basic', events: ['Teammate Invited'] },
    { key: 'notes.export', name: 'Export', tier: 'advanced', events: ['Notes Exported'] },
  ],
  checklists: [
    {
      key: 'first-steps',
      title: 'First steps',
      items: [
        { key: 'write', title: 'Write your first note', done: { event: 'Note Created' } },
        { key: 'invite', title: 'Invite a teammate', done: { event: 'Teammate Invited' } },
      ],
    },
  ],
  gates: [
    {
      key: 'notes.export',
      unlock: { checklist: 'first-steps' },
      locked: 'disable',
      hint: { title: 'Export unlocks after your first steps', body: 'Write a note and invite a teammate.' },
    },
  ],
});
