/** A column header that sorts: a real button, with aria-sort on the header cell. */
export function SortHeader(props: { label: string; column: string; sort: string; order: 'asc' | 'desc'; onSort: (column: string) => void; class?: string }) {
  const active = props.sort === props.column;
  return (
    <th scope="col" class={props.class} aria-sort={active ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" onClick={() => props.onSort(props.column)}>
        {props.label}
        <span aria-hidden="true" class={active ? 'sort-arrow active' : 'sort-arrow'}>
          {active ? (props.order === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </button>
    </th>
  );
}
