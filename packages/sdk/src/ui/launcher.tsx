import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { assistantGlobal } from '../ui-host.js';
import type { UiActions, UiModel } from './app.js';
import type { AssistantPanel, Preact } from './assistant-panel.js';
import { Checklist } from './checklist.js';
import { format } from './strings.js';
import { unreadBadge } from './unread-badge.js';
import { useChunk } from './use-chunk.js';

const lib: Preact = { h, useState, useRef, useLayoutEffect };

/**
 * The one launcher in the page's corner: the checklist's progress (else "Help") and how many
 * announcements are unread. It opens the assistant's panel, whose code (`waymark-assistant.js`,
 * next to the UI chunk) loads once the page is idle or when first opened; where that fails, the
 * panel shows the checklist alone.
 */
export function Launcher({ m, a }: { m: UiModel; a: UiActions }) {
  const button = useRef<HTMLButtonElement>(null);
  // Loaded when the browser is first idle, so the panel opens with the network gone too; and
  // again on opening if that failed.
  const [idle, setIdle] = useState(0);
  useLayoutEffect(() => {
    const t = setTimeout(() => (window.requestIdleCallback ?? setTimeout)(() => setIdle(1)), 1000);
    return () => clearTimeout(t);
  }, []);
  const Panel = useChunk<typeof AssistantPanel>(m.ui, 'waymark-assistant.js', assistantGlobal, m.open ? 2 : idle);
  const s = m.strings;
  const c = m.checklist;
  const title = c && m.p.text(c.checklist.title);
  const unread = m.news.filter((n) => !n.read).length;
  const list = c && <Checklist {...c} strings={s} p={m.p} preview={m.preview === c.checklist.key} dismiss={a.dismissChecklist} startGuide={a.startGuide} />;
  const close = (): void => {
    a.tab(undefined);
    button.current?.focus();
  };
  return (
    <div>
      <button
        ref={button}
        type="button"
        class="launcher"
        aria-expanded={m.open ? 'true' : 'false'}
        aria-controls="wm-a"
        aria-describedby={unread ? 'wm-n' : undefined}
        // Opens at the checklist, else at unread news, else at the search.
        onClick={() => a.tab(m.open ? undefined : c ? 'checklist' : unread ? 'news' : 'help')}
      >
        {c ? format(s.launcher, { title: title!, done: c.progress.done, total: c.progress.total }) : s.help}
      </button>
      {unreadBadge(h, 'wm-n', unread, s)}
      {!m.open ? null : Panel ? (
        <Panel
          lib={lib}
          id="wm-a"
          tab={m.open}
          checklist={c && [title!, list]}
          news={m.news}
          guides={m.guides}
          strings={s}
          texts={m.texts}
          p={m.p}
          dir={m.dir}
          select={a.tab}
          close={close}
          seen={a.newsSeen}
          act={a.newsAct}
          guide={a.findGuide}
        />
      ) : Panel === null ? (
        <div class="panel" id="wm-a">
          {list}
        </div>
      ) : null}
    </div>
  );
}
