import type { ComponentChildren } from 'preact';

/** A panel of a page: a section named by its heading (`h-<id>`). */
export function Panel(props: { id: string; title: string; children: ComponentChildren }) {
  const heading = `h-${props.id}`;
  return (
    <section class="panel" aria-labelledby={heading}>
      <h2 id={heading}>{props.title}</h2>
      {props.children}
    </section>
  );
}
