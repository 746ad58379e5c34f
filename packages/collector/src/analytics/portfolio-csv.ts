import { csvCell } from './csv-cell.js';
import type { PortfolioAccount } from './list-portfolio.js';

const columns = [
  'accountId',
  'name',
  'day',
  'phase',
  'stage',
  'health',
  'band',
  'change7d',
  'driver',
  'reason',
  'flags',
  'owner',
  'segment',
  'seats',
  'seatActivation',
  'nextGoal',
  'nextGoalDue',
  'updatedAt',
];

/** The portfolio as CSV text: a header line, then one line per account, CRLF line ends. */
export function portfolioCsv(accounts: readonly PortfolioAccount[]): string {
  const lines = [columns.join(',')];
  for (const a of accounts) {
    const cells = [
      a.accountId,
      a.name,
      a.day,
      a.phase,
      a.stage,
      a.health,
      a.band,
      a.change7d,
      a.driver,
      a.reason,
      a.flags.map((f) => f.key).join(' '),
      a.owner,
      a.segment,
      a.seats,
      a.seatActivation === null ? null : Math.round(a.seatActivation * 1000) / 1000,
      a.nextGoal?.milestone,
      a.nextGoal?.due,
      a.updatedAt,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
