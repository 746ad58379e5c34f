import { h } from 'preact';
import type { Checklist as ChecklistConfig, ChecklistProgress } from '@waymark/core';
import type { Personal } from './personal.js';
import { format, type Strings } from './strings.js';

/** What the checklist launcher and panel show and do. */
export interface ChecklistProps {
  checklist: ChecklistConfig;
  progress: ChecklistProgress;
  open: boolean;
  strings: Strings;
  p: Personal;
  /** Marked as an author's preview. */
  preview?: boolean;
  toggle(): void;
  dismiss(): void;
  startGuide(key: string): void;
}

/** A launcher button with the checklist's progress, and the panel of items it opens. */
export function Checklist({ checklist, progress, open, strings, p, preview, toggle, dismiss, startGuide }: ChecklistProps) {
  const title = p.text(checklist.title);
  const label = format(strings.launcher, { title, done: progress.done, total: progress.total });
  const panelId = `wm-cl-${checklist.key}`;
  return (
    <div>
      <button type="button" class="launcher" aria-expanded={open ? 'true' : 'false'} aria-controls={panelId} onClick={toggle}>
        {label}
      </button>
      {open ? (
        <section class="panel" id={panelId} aria-labelledby={`${panelId}-t`}>
          <div class="head">
            <h2 id={`${panelId}-t`}>{title}</h2>
            {preview ? <span class="tag">{strings.preview}</span> : null}
            <button type="button" class="x" aria-label={strings.closeChecklist} onClick={toggle}>
              ×
            </button>
          </div>
          {checklist.description ? <div class="d">{p.md(checklist.description)}</div> : null}
          {/* Decorative: the launcher's label already says how far along the user is. */}
          <div class="bar" aria-hidden="true">
            <i style={{ width: `${(100 * progress.done) / progress.total}%` }} />
          </div>
          <ol>
            {checklist.items.map((item, i) => {
              const done = progress.items[i]?.done === true;
              const cta = done ? null : item.guide ? (
                <button type="button" class="p" onClick={() => startGuide(item.guide!)}>
                  {strings.showMe}
                </button>
              ) : item.link ? (
                <a href={item.link.url}>{item.link.label ?? strings.go}</a>
              ) : null;
              return (
                <li class={done ? 'item done' : 'item'} key={item.key}>
                  <span class="mark" aria-hidden="true">
                    {done ? '✓' : ''}
                  </span>
                  <div class="body">
                    <div class="t">
                      {p.text(item.title)}
                      <span class="sr">{` (${done ? strings.done : strings.itemTodo})`}</span>
                    </div>
                    {item.description ? <div class="d">{p.md(item.description)}</div> : null}
                    {cta ? <div class="cta">{cta}</div> : null}
                  </div>
                </li>
              );
            })}
          </ol>
          <div class="foot">
            <button type="button" class="link" onClick={dismiss}>
              {strings.dismissChecklist}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
