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

/**
 * A GOV.UK table: its caption (`captionClass` such as `govuk-table__caption--m`; read out
 * only, when not given), head and rows, in the wrapper that lets a wide table scroll on a
 * narrow screen (`wrap={false}`: none).
 */
export function Table(props: {
  caption: ComponentChildren;
  captionClass?: string;
  columns: readonly Column[];
  wrap?: boolean;
  children: ComponentChildren;
}) {
  const table = (
    <table class="govuk-table">
      <caption class={props.captionClass ? `govuk-table__caption ${props.captionClass}` : 'govuk-visually-hidden'}>
        {props.caption}
      </caption>
      <TableHead columns={props.columns} />
      <tbody class="govuk-table__body">{props.children}</tbody>
    </table>
  );
  return props.wrap === false ? table : <div class="app-table-wrap">{table}</div>;
}
