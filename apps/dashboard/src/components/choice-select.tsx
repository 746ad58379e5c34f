/** One choice of a ChoiceSelect: its value and the text shown for it. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A select over `choices`, "Any" (the empty value) first when `any` is set. With `label` it sits
 * in a visible label (a filter); otherwise `ariaLabel` names it (a cell of a table).
 */
export function ChoiceSelect(props: {
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  label?: string;
  ariaLabel?: string;
  any?: boolean;
}) {
  const change = (e: { currentTarget: HTMLSelectElement }) => props.onChange(e.currentTarget.value);
  const options = (
    <>
      {props.any && <option value="">Any</option>}
      {props.choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </>
  );
  if (props.label === undefined) {
    return (
      <select aria-label={props.ariaLabel} value={props.value} onChange={change}>
        {options}
      </select>
    );
  }
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={change}>
        {options}
      </select>
    </label>
  );
}

/** The config's milestones as choices, each by its name (its key when it has none). */
export const milestoneChoices = (milestones: ReadonlyArray<{ key: string; name?: string | undefined }>): Choice[] =>
  milestones.map((m) => ({ value: m.key, label: m.name ?? m.key }));
