import type { ComponentChildren } from 'preact';
import type { Data } from '../hooks/use-data';
import { planName } from '../plan-names';
import { Loading, ProblemPage, SuccessBanner, useFocusHeading } from './index';
import { PlanFilter } from './plan-filter';
import { type Column, Table } from './table';

interface Listed {
  id: string;
  title: string;
  plan: string;
  programme: string;
  ownerDirectorate: string;
}

/**
 * The admin's list of measures or of planned work (docs/web-app.md "Admin: measures and
 * planned work"): `Add …`, the `Plan` filter (in the URL), how many are shown, and a table
 * whose first column links each title to its editor, then `ID`, `Plan`, `Programme`,
 * `Owner directorate` and the list's own columns.
 */
export function DefinitionList<T extends Listed>(props: {
  /** The heading, and the table's caption: `Measures`, `Planned work`. */
  title: string;
  /** In the sentences: `measures`, `planned work`. */
  word: string;
  /** What the count counts: `measures`, `items`. */
  counted: string;
  /** `/app/admin/measures`: the list, its editors under it (`…/new`, `…/{id}`). */
  listPath: string;
  addLabel: string;
  banner: string | null;
  read: Data<{ items: T[]; more: boolean }>;
  plan: string | undefined;
  /** The first column's heading, then the list's own columns after `Owner directorate`. */
  titleColumn: string;
  columns: readonly Column[];
  /** After the title link, in the first cell (e.g. that it is retired). */
  afterTitle?(item: T): ComponentChildren;
  cells(item: T): ComponentChildren[];
}) {
  const { read } = props;
  const heading = useFocusHeading(read.data !== undefined, props.title);
  if (read.failed)
    return (
      <ProblemPage
        title={`Sorry, the ${props.word} could not be loaded`}
        detail={read.failed.problem.detail ?? `The ${props.word} could not be loaded.`}
      />
    );
  if (!read.data) return <Loading />;
  const { items, more } = read.data;
  const plans = [...new Set(items.map((i) => i.plan))].sort();
  // By title, as people look for them (the API lists by id, which people never see first).
  const byTitle = [...items].sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const shown = props.plan ? byTitle.filter((i) => i.plan === props.plan) : byTitle;
  return (
    <>
      {props.banner && <SuccessBanner id={`${props.listPath.split('/').at(-1)}-banner`} message={props.banner} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      <p class="govuk-body">
        <a class="govuk-button" href={`${props.listPath}/new`} draggable={false}>
          {props.addLabel}
        </a>
      </p>
      <PlanFilter label={`Filter ${props.word}`} listPath={props.listPath} plans={plans} plan={props.plan ?? ''} />
      <p class="govuk-body" aria-live="polite">
        Showing {shown.length} of {items.length} {props.counted}
        {more ? ' (the first 1,000: there are more)' : ''}.
      </p>
      <Table
        caption={props.title}
        columns={[props.titleColumn, 'ID', 'Plan', 'Programme', 'Owner directorate', ...props.columns]}
      >
        {shown.map((item) => (
          <tr class="govuk-table__row" key={item.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`${props.listPath}/${encodeURIComponent(item.id)}`}>
                {item.title}
              </a>
              {props.afterTitle?.(item)}
            </td>
            <td class="govuk-table__cell app-break-anywhere">{item.id}</td>
            <td class="govuk-table__cell">{planName(item.plan)}</td>
            <td class="govuk-table__cell">{item.programme}</td>
            <td class="govuk-table__cell">{item.ownerDirectorate}</td>
            {props.cells(item).map((cell, i) => (
              // The columns are fixed: their order is their identity.
              <td class="govuk-table__cell" key={i}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </>
  );
}
