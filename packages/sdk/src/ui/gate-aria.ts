import type { GateView } from '../gate-lock.js';

const attr = 'data-waymark-gate';
const prefix = 'waymark-gate-';

/**
 * Tells assistive technology why gated controls are locked: `aria-disabled` and an
 * `aria-describedby` to a hidden description (in the page, where ARIA references resolve), on
 * every locked element, rendered now or later. Unlocked elements get back exactly the attributes
 * the host app gave them. `describe` words the reason. Returns the update and the cleanup.
 */
export function gateAria(describe: (view: GateView) => string): { update(views: GateView[]): void; stop(): void } {
  let views: Record<string, GateView> = {};
  const saved = new Map<Element, [string | null, string | null]>();
  const notes = document.createElement('div');
  notes.hidden = true;
  document.body.append(notes);

  const set = (el: Element, name: string, value: string | null): void => {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  };
  const sync = (): void => {
    observer.disconnect();
    for (const [el, [disabled, by]] of saved) {
      const v = views[el.getAttribute(attr) ?? ''];
      if (!el.isConnected || !v || v.unlocked) set(el, 'aria-disabled', disabled), set(el, 'aria-describedby', by), saved.delete(el);
    }
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      const v = views[el.getAttribute(attr)!];
      if (!v || v.unlocked || v.locked === 'hide' || saved.has(el)) continue;
      const by = el.getAttribute('aria-describedby');
      saved.set(el, [el.getAttribute('aria-disabled'), by]);
      el.setAttribute('aria-disabled', 'true');
      el.setAttribute('aria-describedby', `${by ? `${by} ` : ''}${prefix}${v.key}`);
    }
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: [attr] });
  };
  const observer = new MutationObserver(sync);

  return {
    update(list) {
      views = Object.fromEntries(list.map((v) => [v.key, v]));
      notes.replaceChildren(
        ...list.map((v) => {
          const note = document.createElement('span');
          note.id = prefix + v.key;
          note.textContent = describe(v);
          return note;
        }),
      );
      sync();
    },
    stop() {
      observer.disconnect();
      views = {};
      sync();
      observer.disconnect();
      notes.remove();
    },
  };
}
