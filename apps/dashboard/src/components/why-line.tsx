import { label, whyFlagged } from '../format.js';
import type { PortfolioAccount } from '@waymark/core';

/** Under an account's name in the portfolio: why it is flagged, else what costs its health most. */
export function WhyLine(props: { account: PortfolioAccount }) {
  const a = props.account;
  const why = whyFlagged(a);
  if (why) return <div class="why small">Why: {why}</div>;
  return a.driver ? <div class="muted small">Driver: {label(a.driver)}</div> : null;
}
