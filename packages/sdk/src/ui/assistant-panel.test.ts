import type { Announcement, Guide } from '@waymark/core';
import { h, render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssistantPanel, type AssistantProps, type AssistantTab } from './assistant-panel.js';
import { mountShadow } from './mount-shadow.js';
import { personal } from './personal.js';
import { defaultStrings } from './strings.js';

const step = { key: 's', title: 'S', body: '', placement: 'auto', advance: 'next', waitMs: 5000, onMissing: 'skip', url: '/app/team' } as const;
const guides: Guide[] = [
  { key: 'create', title: 'Create a project', steps: [step] },
  { key: 'invite', title: 'Invite a teammate', keywords: ['colleague'], steps: [step] },
];
const news = [{ a: { key: 'csv', kind: 'slideout', title: 'Faster CSV', body: 'Quick.' } as Announcement, read: false }];

function mount(tab: AssistantTab, overrides: Partial<AssistantProps> = {}) {
  const shadow = mountShadow(document, '.w{}');
  const host = shadow.root.appendChild(document.createElement('div'));
  const props: AssistantProps = {
    lib: { h, useState, useRef, useLayoutEffect },
    id: 'wm-a',
    tab,
    checklist: ['Getting started', h('p', null, 'items')],
    news,
    guides,
    // The UI's strings come merged; the assistant's own take every ui() call's overrides.
    strings: { ...defaultStrings, help: 'Hilfe' },
    texts: [{ searchGuides: 'Guides', bogus: 'x' }, { searchGuides: 'Anleitungen suchen' }],
    p: personal(undefined, []),
    dir: 'ltr',
    select: vi.fn(),
    close: vi.fn(),
    seen: vi.fn(),
    act: vi.fn(),
    guide: vi.fn(),
    ...overrides,
  };
  const draw = (p: AssistantProps) => render(h(AssistantPanel, p), host);
  draw(props);
  const $ = <E extends Element = HTMLElement>(s: string) => shadow.root.querySelector<E & HTMLElement>(s);
  return { shadow, props, draw, $, unmount: () => (render(null, host), shadow.cleanup()) };
}

describe('assistant panel', () => {
  afterEach(() => document.body.replaceChildren());

  it('is a labelled region of tabs that arrow keys, Home and End move through, and Escape closes', () => {
    const { props, $, shadow, unmount } = mount('checklist');
    expect($('section')?.getAttribute('aria-label')).toBe('Help and news');
    const tabs = [...shadow.root.querySelectorAll('[role=tab]')];
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), t.getAttribute('tabindex')])).toEqual([
      ['Getting started', 'true', '0'],
      ['What’s new11 unread', 'false', '-1'],
      ['Hilfe', 'false', '-1'],
    ]);
    expect($('[role=tabpanel]')?.getAttribute('aria-labelledby')).toBe('wm-a-checklist');
    const key = (k: string) => $('[role=tablist]')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowLeft');
    key('Home');
    key('ArrowRight');
    expect(vi.mocked(props.select).mock.calls).toEqual([['help'], ['checklist'], ['news']]);
    $('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(props.close).toHaveBeenCalledOnce();
    unmount();
  });

  it('marks unread news seen when What’s new shows, keeping their mark while open', () => {
    const { props, $, unmount } = mount('news');
    expect(props.seen).toHaveBeenCalledWith('csv');
    expect($('h3')?.textContent).toBe('Faster CSVNew');
    unmount();
  });

  it('searches the guides it was given and hands over the page to go to; adds its stylesheet while shown', () => {
    const { props, $, shadow, unmount } = mount('help');
    expect(shadow.root.adoptedStyleSheets).toHaveLength(2);
    expect($('label')?.textContent).toBe('Anleitungen suchen');
    const input = $<HTMLInputElement>('input')!;
    expect(input.id).toBe($('label')?.getAttribute('for'));
    expect([...shadow.root.querySelectorAll('.g')].map((b) => b.textContent)).toEqual(['Create a project', 'Invite a teammate']);
    input.value = 'How do I add a colleague?';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return Promise.resolve().then(() => {
      const found = [...shadow.root.querySelectorAll<HTMLButtonElement>('.g')];
      expect(found.map((b) => b.textContent)).toEqual(['Invite a teammate']);
      found[0]!.click();
      // This page (/) is not the guide's first step's (/app/team).
      expect(props.guide).toHaveBeenCalledWith('invite', '/app/team');
      render(null, shadow.root.lastElementChild!);
      expect(shadow.root.adoptedStyleSheets).toHaveLength(1);
      unmount();
    });
  });
});
