import { guideEntry, searchGuides, type Guide } from '@waymark/core';
import type { ComponentChild, h as createElement } from 'preact';
import type { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { assistantCss } from './assistant-styles.js';
import type { Personal } from './personal.js';
import { assistantStrings } from './assistant-strings.js';
import { format, mergeStrings, type Strings } from './strings.js';
import { unreadBadge } from './unread-badge.js';
import type { NewsItem } from './whats-new.js';

/** The UI chunk's Preact, handed over: the assistant chunk carries no renderer and no hooks of its own. */
export interface Preact {
  h: typeof createElement;
  useState: typeof useState;
  useRef: typeof useRef;
  useLayoutEffect: typeof useLayoutEffect;
}

/** The assistant's tabs: the user's checklist, What's new, and the search over guides. */
export type AssistantTab = 'checklist' | 'news' | 'help';

/** What the assistant's panel shows, and what the user can do in it. */
export interface AssistantProps {
  lib: Preact;
  /** The panel's id (the launcher's `aria-controls`); its parts' ids start with it. */
  id: string;
  tab: AssistantTab;
  /** The checklist tab's title and content (rendered by the UI chunk), when the user has a checklist. */
  checklist: [title: string, content: ComponentChild] | undefined;
  news: NewsItem[];
  guides: readonly Guide[];
  strings: Strings;
  /** The strings of every `ui()` call (for the assistant's own). */
  texts: unknown[];
  p: Personal;
  dir: 'ltr' | 'rtl';
  select(tab: AssistantTab): void;
  /** Closes the panel (Escape, the close button), focus going back to the launcher. */
  close(): void;
  /** The user has seen an announcement in What's new. */
  seen(key: string): void;
  /** An announcement's call to action. */
  act(key: string): void;
  /** A guide chosen in the search; `url` is the page its first step needs, when the user is elsewhere. */
  guide(key: string, url: string | undefined): void;
}

/**
 * The assistant's panel (the assistant chunk's one component, rendered with the UI's Preact): a
 * region with tabs (arrow keys, Home and End move between them) for the checklist, What's new
 * (opening it marks every announcement in it seen) and help (a search over the guides' titles and
 * keywords in the config already loaded: no request). Opened from the launcher, focus moves to
 * the selected tab; Escape closes. Adds its stylesheet to the UI's shadow root while shown.
 */
export function AssistantPanel(props: AssistantProps) {
  const { lib, id, checklist, news, guides, p } = props;
  const s = { ...props.strings, ...props.texts.reduce((all: typeof assistantStrings, o) => mergeStrings(all, o), assistantStrings) };
  const { h } = lib;
  const tab = props.tab === 'checklist' && !checklist ? 'help' : props.tab;
  const [query, setQuery] = lib.useState('');
  // The unread ones when the panel opened keep their mark while it stays open.
  const [fresh] = lib.useState(() => new Set(news.filter((n) => !n.read).map((n) => n.a.key)));
  const root = lib.useRef<HTMLElement>(null);
  lib.useLayoutEffect(() => {
    const el = root.current;
    if (!el) return undefined;
    const shadow = el.getRootNode() as ShadowRoot;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(assistantCss);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    // Opened from the launcher: focus moves in. Opened by itself (a trigger, showChecklist), the
    // panel leaves the user's focus where it is.
    if (shadow.activeElement?.getAttribute('aria-controls') === id) el.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    return () => void (shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((x) => x !== sheet));
  }, []);
  lib.useLayoutEffect(() => {
    if (tab === 'news') for (const n of news) if (!n.read) props.seen(n.a.key);
  }, [tab]);

  const unread = news.filter((n) => !n.read).length;
  const tabs: Array<[AssistantTab, ComponentChild]> = [
    ...(checklist ? [['checklist', checklist[0]] as [AssistantTab, ComponentChild]] : []),
    ['news', [s.whatsNew, unreadBadge(h, undefined, unread, s)]],
    ['help', s.help],
  ];
  const onTabKey = (e: KeyboardEvent): void => {
    const keys = tabs.map(([t]) => t);
    const at = keys.indexOf(tab);
    const back = props.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const forth = props.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const to = e.key === forth ? at + 1 : e.key === back ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? keys.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const next = keys[(to + keys.length) % keys.length]!;
    props.select(next);
    root.current?.querySelector<HTMLElement>(`#${id}-${next}`)?.focus();
  };

  const found = query.trim() ? searchGuides({ guides }, query) : guides;
  const content =
    tab === 'checklist'
      ? checklist?.[1]
      : tab === 'news'
        ? news.length
          ? h(
              'ul',
              { class: 'list' },
              news.map(({ a }) =>
                h(
                  'li',
                  { key: a.key, class: 'item' },
                  h(
                    'div',
                    { class: 'body' },
                    h('h3', null, p.text(a.title), fresh.has(a.key) ? h('span', { class: 'tag' }, s.new) : null),
                    a.image ? h('img', { src: a.image.src, alt: a.image.alt }) : null,
                    h('div', { class: 'nb' }, p.md(a.body)),
                    a.action && a.action.type !== 'dismiss'
                      ? h('div', { class: 'cta' }, h('button', { type: 'button', class: 'p', onClick: () => props.act(a.key) }, p.text(a.action.label)))
                      : null,
                  ),
                ),
              ),
            )
          : h('p', { class: 'd' }, s.noNews)
        : [
            h('label', { for: `${id}-q` }, s.searchGuides),
            h('input', {
              id: `${id}-q`,
              type: 'search',
              value: query,
              placeholder: s.searchHint,
              autocomplete: 'off',
              onInput: (e) => setQuery(e.currentTarget.value),
            }),
            h('p', { class: 'sr', role: 'status' }, query.trim() ? format(s.results, { n: found.length }) : ''),
            found.length
              ? h(
                  'ul',
                  { class: 'list', 'aria-label': s.help },
                  found.map((g) =>
                    h(
                      'li',
                      { key: g.key },
                      h(
                        'button',
                        { type: 'button', class: 'g', onClick: () => props.guide(g.key, guideEntry(g, location.pathname + location.hash)) },
                        p.text(g.title),
                      ),
                    ),
                  ),
                )
              : h('p', { class: 'd' }, format(s.noGuides, { query: query.trim() })),
          ];

  return h(
    'section',
    {
      ref: root,
      class: 'panel',
      id,
      role: 'region',
      'aria-label': s.assistant,
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        props.close();
      },
    },
    h(
      'div',
      { class: 'ah' },
      h(
        'div',
        { role: 'tablist', class: 'tabs', 'aria-label': s.assistant, onKeyDown: onTabKey },
        tabs.map(([t, label]) =>
          h(
            'button',
            {
              type: 'button',
              role: 'tab',
              id: `${id}-${t}`,
              'aria-selected': t === tab ? 'true' : 'false',
              'aria-controls': `${id}-p`,
              tabIndex: t === tab ? 0 : -1,
              onClick: () => props.select(t),
            },
            label,
          ),
        ),
      ),
      h('button', { type: 'button', class: 'x', 'aria-label': s.close, onClick: props.close }, '×'),
    ),
    h('div', { role: 'tabpanel', id: `${id}-p`, 'aria-labelledby': `${id}-${tab}`, tabIndex: 0, class: 'tp' }, content),
  );
}
