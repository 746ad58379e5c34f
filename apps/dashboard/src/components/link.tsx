import type { ComponentChildren } from 'preact';
import { base, navigate } from '../router.js';

/** A real link to a dashboard path; plain clicks navigate in place, modified clicks open as usual. */
export function Link(props: { to: string; children: ComponentChildren; class?: string; current?: boolean }) {
  const href = `${base}${props.to}`;
  return (
    <a
      href={href}
      class={props.class}
      aria-current={props.current ? 'page' : undefined}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.to);
      }}
    >
      {props.children}
    </a>
  );
}
