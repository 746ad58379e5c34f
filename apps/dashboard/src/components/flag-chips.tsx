import { date, flagText, plural } from '../format.js';
import type { AccountFlag } from '@waymark/core';

interface Chip {
  key: string;
  kind: string;
  text: string;
  title: string;
}

const titleOf = (f: AccountFlag, names: ReadonlyMap<string, string>) => `${f.reason ?? flagText(f, names)}; since ${date(f.since)}`;

/**
 * An account's open flags as chips, most pressing first, each with its reason as tooltip. Overdue
 * milestones share one chip ("3 milestones overdue"), and past `max` chips the rest fold into
 * "+N more", so a row of the portfolio stays a row.
 */
export function FlagChips(props: { flags: AccountFlag[]; names: ReadonlyMap<string, string>; max?: number }) {
  const { flags, names } = props;
  const max = props.max ?? 3;
  const overdue = flags.filter((f) => f.kind === 'milestone-overdue');
  const chips: Chip[] = [];
  for (const f of flags) {
    if (f.kind !== 'milestone-overdue') chips.push({ key: f.key, kind: f.kind, text: flagText(f, names), title: titleOf(f, names) });
    else if (f === overdue[0])
      chips.push({
        key: 'milestone-overdue',
        kind: f.kind,
        text: overdue.length === 1 ? flagText(f, names) : `${plural(overdue.length, 'milestone')} overdue`,
        title: overdue.map((o) => titleOf(o, names)).join('\n'),
      });
  }
  const shown = chips.length > max ? chips.slice(0, max - 1) : chips;
  const rest = chips.slice(shown.length);
  return (
    <ul class="chips">
      {shown.map((c) => (
        <li key={c.key} class={`chip flag-${c.kind}`} title={c.title}>
          {c.text}
        </li>
      ))}
      {rest.length > 0 && (
        <li class="chip flag-more" title={rest.map((c) => `${c.text}: ${c.title}`).join('\n')}>
          +{rest.length} more<span class="sr-only">: {rest.map((c) => c.text).join(', ')}</span>
        </li>
      )}
    </ul>
  );
}
