import type { Digest } from './build-digest.js';

// Markdown control characters in names and keys are escaped so an account cannot restyle the digest.
const md = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
const day = (iso: string) => iso.slice(0, 10);

/** The digest as Markdown (for email or chat): a title, the totals, then one section per list, empty ones left out. */
export function digestMarkdown(digest: Digest): string {
  const t = digest.totals;
  const out = [
    `# Weekly digest: ${md(digest.owner)}, ${digest.week.label}`,
    '',
    `${day(digest.week.start)} to ${day(new Date(Date.parse(digest.week.end) - 1).toISOString())} · ${t.accounts} account${t.accounts === 1 ? '' : 's'}`,
    '',
    `**Health:** ${t.red} red, ${t.yellow} yellow, ${t.green} green${t.unscored ? `, ${t.unscored} not scored` : ''}`,
    '',
    `**This week:** ${t.flagsRaised} flag${t.flagsRaised === 1 ? '' : 's'} raised, ${t.flagsCleared} cleared, ${t.milestonesReached} milestone${t.milestonesReached === 1 ? '' : 's'} reached; ${t.overdueGoals} goal${t.overdueGoals === 1 ? '' : 's'} overdue`,
  ];
  const list = (title: string, items: string[]) => {
    if (items.length) out.push('', `## ${title}`, '', ...items.map((i) => `- ${i}`));
  };
  list(
    'Flags raised',
    digest.flagsRaised.map((f) => `${md(f.name)}: \`${f.flag}\` (${day(f.at)})`),
  );
  list(
    'Flags cleared',
    digest.flagsCleared.map((f) => `${md(f.name)}: \`${f.flag}\` (${day(f.at)})`),
  );
  list(
    'Milestones reached',
    digest.milestonesReached.map(
      (m) => `${md(m.name)}: ${md(m.milestoneName)}${m.day !== null ? ` on day ${m.day}` : ''}${m.onTime === false ? ' (late)' : ''}`,
    ),
  );
  list(
    'Overdue goals',
    digest.overdueGoals.map(
      (g) =>
        `${md(g.name)}: ${md(g.milestoneName)}, due day ${g.dueDay}, ${g.daysOverdue} day${g.daysOverdue === 1 ? '' : 's'} over${g.goalOwner ? ` (owner ${md(g.goalOwner)})` : ''}`,
    ),
  );
  const bands = [
    ['Red', digest.health.red],
    ['Yellow', digest.health.yellow],
  ] as const;
  for (const [band, accounts] of bands)
    list(
      `${band} accounts`,
      accounts.map((a) => `${md(a.name)}: health ${a.health ?? '–'}${a.day !== null ? `, day ${a.day}` : ''}`),
    );
  return `${out.join('\n')}\n`;
}
