import type { RunSummary } from './run-simulation.js';
import { formatDuration } from './format-duration.js';

const number = new Intl.NumberFormat('en-US');

/** The closing report of a run, as lines of text. */
export function formatSummary(summary: RunSummary, options: { dryRun?: boolean } = {}): string {
  const { totals } = summary;
  const rate = totals.messages / Math.max(0.001, summary.sendSeconds);
  const kinds = Object.entries(summary.kinds).sort((a, b) => b[1] - a[1]);
  const lines = [
    `Simulated ${number.format(summary.accounts)} accounts and ${number.format(summary.users)} users: ${Object.entries(summary.archetypes)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}.`,
    `${options.dryRun ? 'Dry run, nothing sent: would send' : 'Sent'} ${number.format(totals.messages)} events in ${number.format(totals.batches)} batches in ${formatDuration(summary.sendSeconds)} (${number.format(Math.round(rate))} events/s; generated in ${summary.generateSeconds.toFixed(1)} s):`,
    `  accepted ${number.format(totals.accepted)}, duplicates ${number.format(totals.duplicates)}, rejected ${number.format(totals.rejected)}, retried requests ${totals.retries}${
      totals.retries > 0
        ? ` (${Object.entries(totals.retryReasons)
            .map(([reason, n]) => `${n}× ${reason}`)
            .join(', ')})`
        : ''
    }`,
    `  ${kinds.map(([k, n]) => `${k} ${number.format(n)}`).join(', ')}`,
    ...totals.rejections.map((r) => `  rejected: ${r}`),
  ];
  return lines.join('\n');
}
