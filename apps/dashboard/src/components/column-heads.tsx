import type { ComponentChildren } from 'preact';

/** A column of a table: its heading, and a class for the header cell (e.g. `num`, `hide-narrow`). */
export type Column = string | { label: ComponentChildren; class?: string };

/** A table's head: one row of column header cells. */
export function ColumnHeads(props: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((c, i) => {
          const col = typeof c === 'string' ? { label: c } : c;
          return (
            <th key={i} scope="col" class={col.class}>
              {col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
