import { h as element, patch, text, type VNode } from 'superfine';

export type { VNode };

/** Anything a component may return or take as children. */
export type Child = VNode | string | number | null | undefined | boolean | Child[];

/** A component: a function of its props (and `children`) to elements; state lives in the caller. */
export type Component<P> = (props: P & { children?: VNode[] }) => Child;

// Effects asked for by the render in progress, by key, started by `render` once the DOM is there.
const wanted = new Map<string, (el: HTMLElement) => () => void>();

/**
 * Elements for superfine, written like Preact's `h`: children as arguments (nested arrays,
 * strings and numbers; null and booleans render nothing), `onClick`-style handlers, style objects,
 * and function components (called right away: they hold no state).
 */
export function h<P extends Record<string, unknown>>(tag: string | Component<P>, props?: P | null, ...children: Child[]): VNode {
  const kids = (children.flat(9 as 1) as Child[]).filter((c) => c != null && typeof c !== 'boolean').map((c) => (typeof c === 'object' ? c : text(String(c)))) as VNode[];
  if (typeof tag === 'function') return (h('div', null, tag({ ...(props as P), children: kids })).children[0] ?? text('')) as VNode;
  const p: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props ?? {})) {
    p[k[0] === 'o' && k[1] === 'n' ? k.toLowerCase() : k] =
      k === 'style' && typeof v === 'object' ? Object.entries(v as object).map(([a, b]) => `${a.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}:${b}`).join(';') : v;
  }
  return element(tag, p, kids);
}

/**
 * Props that give an element a lifecycle: `start(el)` runs once the element is in the page after
 * a render, and the cleanup it returns once a render no longer has `key` (or on unmount). A new
 * key restarts it, which is how an element says "I changed enough to start over".
 */
export const effect = (key: string, start: (el: HTMLElement) => () => void): { 'data-fx': string } => (wanted.set(key, start), { 'data-fx': key });

/** The renderer of one container: patches it to `vnode` and runs the effects the render asked for. */
export function renderer(container: HTMLElement): (vnode: VNode | null) => void {
  const running = new Map<string, () => void>();
  return (vnode) => {
    const asked = new Map(wanted);
    wanted.clear();
    patch(container, vnode ?? h('div', null));
    for (const [key, stop] of running) if (!asked.has(key)) stop(), running.delete(key);
    for (const [key, start] of asked) {
      const el = container.querySelector<HTMLElement>(`[data-fx="${key}"]`);
      if (el && !running.has(key)) running.set(key, start(el));
    }
  };
}
