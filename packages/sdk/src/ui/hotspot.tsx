import { h } from 'preact';
import { useRef } from 'preact/hooks';
import { useFloat } from './float.js';

/** A pulsing dot on a target's top corner; pressing it opens the nudge it stands for. */
export function Hotspot({ target, label, open }: { target: Element; label: string; open(): void }) {
  const dot = useRef<HTMLButtonElement>(null);
  // Centred on the target's top end corner: 8 px (half the dot) into the target on both axes.
  useFloat(target, dot, undefined, 'top-end', undefined, { mainAxis: -8, crossAxis: 8 });
  return <button ref={dot} type="button" class="hot" aria-label={label} onClick={open} />;
}
