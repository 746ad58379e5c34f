import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { useGate, type GateState } from './use-gate.js';

/** Props of `<Gate>`. */
export interface GateProps {
  /** The gate's key in the config. */
  feature: string;
  /**
   * One element (a DOM element, or a component that passes `data-*` props on to one), or a function
   * of the gate's state that renders whatever it likes.
   */
  children: ReactElement<Record<string, unknown>> | ((gate: GateState) => ReactNode);
}

/**
 * Renders a gated feature. An element child is marked `data-waymark-gate={feature}`: while the gate
 * is locked the SDK shows it locked (disabled, hidden or a teaser, as the config says), keeps it
 * from clicks and keys, and explains what unlocks it in a hint; unlocked, it is the element as it
 * is. The mark is rendered on the server too, so a returning user's lock applies from the first paint.
 */
export function Gate({ feature, children }: GateProps): ReactNode {
  const gate = useGate(feature);
  if (typeof children === 'function') return children(gate);
  if (!isValidElement(children)) return children;
  return cloneElement(children, { 'data-waymark-gate': feature });
}
