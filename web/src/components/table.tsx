import type { ComponentChildren } from 'preact';

/** A column heading: its words, and whether the column holds numbers (right-aligned). */
export type Column = ComponentChildren | { label: ComponentChildren; numeric: true };

const isNumeric = (c: Column): c is { label: ComponentChildren; numeric: true } =>
  typeof c === 'object' && c !== null && 'numeric' in c;

/** A GOV.UK table's head: one `th scope="col"` a column. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {columns.map((c, i) => (
          <th
            // The columns are fixed for a table: their order is their identity.
            key={i}
            scope="col"
            class={`govuk-table__header${isNumeric(c) ? ' govuk-table__header--numeric' : ''}`}
          >
            {isNumeric(c) ? c.label : c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
