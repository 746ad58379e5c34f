import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Announcement } from '@waymark/core';
import { Bubble } from './bubble.js';
import { Hotspot } from './hotspot.js';
import type { Personal } from './personal.js';
import type { Strings } from './strings.js';

/** An announcement on screen and what the user can do with it. */
export interface NewsProps {
  a: Announcement;
  /** A hotspot's element (a hotspot shows its beacon until opened). */
  target: Element | undefined;
  open: boolean;
  strings: Strings;
  p: Personal;
  preview: boolean;
  /** Opens a hotspot's announcement. */
  show(): void;
  act(): void;
  dismiss(): void;
}

/**
 * An announcement as its kind says: a modal over a dimmed page, a banner at the top or bottom
 * (covering the page, or pushing it while shown), a slide-out in the corner, or a beacon on an
 * element that opens it. Esc or the close button dismisses it; its call to action is the first button.
 */
export function News({ a, target, open, strings, p, preview, show, act, dismiss }: NewsProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const banner = a.kind === 'banner';
  const bottom = a.position === 'bottom';
  useLayoutEffect(() => {
    const box = wrap.current?.querySelector<HTMLElement>('.pop');
    if (!banner || !a.push || !box) return undefined;
    // A pushing banner makes room for itself in the page while it shows.
    const style = document.documentElement.style;
    const side = bottom ? 'paddingBottom' : 'paddingTop';
    const before = style[side];
    style[side] = `${box.offsetHeight}px`;
    return () => void (style[side] = before);
  }, [open]);
  const title = p.text(a.title);
  if (a.kind === 'hotspot' && !open && target) return <Hotspot target={target} label={title} open={show} />;
  return (
    <div ref={wrap}>
      {a.kind === 'modal' ? <div class="backdrop" /> : null}
      <Bubble
        target={a.kind === 'hotspot' ? target : undefined}
        place={banner ? `bn ${a.position}` : a.kind === 'modal' ? 'c' : 'c2'}
        title={title}
        tag={preview ? strings.preview : undefined}
        close={dismiss}
        closeLabel={strings.close}
        focus={a.kind === 'modal' || a.kind === 'hotspot'}
        actions={a.action ? [[p.text(a.action.label), act]] : []}
      >
        {a.image ? <img src={a.image.src} alt={a.image.alt} /> : null}
        <div class="nb">{p.md(a.body)}</div>
      </Bubble>
    </div>
  );
}
