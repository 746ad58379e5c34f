import { h } from 'preact';
import type { Checklist as ChecklistConfig, ChecklistProgress } from '@waymark/core';
import type { Personal } from './personal.js';
import type { Strings } from './strings.js';

/** What a checklist's panel shows and does. */
export interface ChecklistProps {
  checklist: ChecklistConfig;
  progress: ChecklistProgress;
  strings: Strings;
  p: Personal;
  /** Marked as an author's preview. */
  preview?: boolean;
  dismiss(): void;
  startGuide(key: string): void;
}

/** A checklist's items, each done or with its call to action (what the assistant's checklist tab shows). */
export function Checklist({ checklist, progress, strings, p, preview, dismiss, startGuide }: ChecklistProps) {
  const id = `wm-cl-${checklist.key}`;
  return (
    <section aria-labelledby={id}>
      <div class="head">
        <h2 id={id}>{p.text(checklist.title)}</h2>
        {preview ? <span class="tag">{strings.preview}</span> : null}
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
  );
}
