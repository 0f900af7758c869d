import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

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
  /** On a phone its rows stack, each cell after its `data-label` (`.app-stack-table`), rather than scroll sideways. */
  stack?: boolean;
  children: ComponentChildren;
}) {
  const table = (
    <table class={props.stack ? 'govuk-table app-stack-table' : 'govuk-table'}>
      <caption class={props.captionClass ? `govuk-table__caption ${props.captionClass}` : 'govuk-visually-hidden'}>
        {props.caption}
      </caption>
      <TableHead columns={props.columns} />
      <tbody class="govuk-table__body">{props.children}</tbody>
    </table>
  );
  return props.wrap === false ? table : <TableScroll>{table}</TableScroll>;
}

/**
 * A cell of a table whose rows stack on a phone (`stack`, `.app-stack-table`): `label` is its
 * column's words, shown before it when stacked; a row's title cell has none (it is the row's
 * first line, in bold or a link).
 */
export function StackCell(props: { label?: string; numeric?: boolean; class?: string; children?: ComponentChildren }) {
  const classes = ['govuk-table__cell', props.numeric && 'govuk-table__cell--numeric', props.class].filter(Boolean);
  return (
    <td class={classes.join(' ')} data-label={props.label}>
      {props.children}
    </td>
  );
}

/**
 * The wrapper that lets a wide table scroll sideways on a narrow screen (WCAG 1.4.10 lets a
 * data table scroll in two directions; the page itself does not). While the table is wider
 * than it, it is a region named by the table's caption that the keyboard can reach
 * (tabindex 0, WCAG 2.1.1: axe's scrollable-region-focusable), so a keyboard user can
 * scroll it too; while the table fits, it is a plain block and no extra tab stop.
 */
export function TableScroll({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    const wrap = ref.current;
    if (!wrap) return;
    const update = () => {
      const caption = wrap.querySelector('caption');
      if (caption && !caption.id) caption.id = `${id}-caption`;
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        if (caption) wrap.setAttribute('aria-labelledby', caption.id);
      } else for (const name of ['tabindex', 'role', 'aria-labelledby']) wrap.removeAttribute(name);
    };
    update();
    // The window's width, and the table's own as its rows change.
    const observer = new ResizeObserver(update);
    observer.observe(wrap);
    if (wrap.firstElementChild) observer.observe(wrap.firstElementChild);
    return () => observer.disconnect();
  }, [id]);
  return (
    <div class="app-table-wrap" ref={ref}>
      {children}
    </div>
  );
}
