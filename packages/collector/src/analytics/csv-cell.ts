/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote, line break or edge spaces, quotes
 * doubled. Text starting with = + - @ (or a tab or carriage return) gets a leading ' so a
 * spreadsheet shows it as text instead of running it as a formula. Numbers are written as they are.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
