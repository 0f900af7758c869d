import { signOffNote } from '../../../lambdas/domain/sign-off';
import type { SignOffState } from '../../../lambdas/domain/types';
import type { DashboardView } from '../dashboard-view';
import { Sparkline } from '../sparkline';
import { formatDate, formatValue, trendWords } from '../words';
import { StatusTag } from './index';
import { TableHead } from './table';

// The dashboard's compact tables (docs/web-app.md "Dashboard"). Each cell carries its
// column's words (`data-label`), which a phone shows before it when the rows stack
// (`.app-stack-table` in web/styles/app.scss): no sideways scroll at 320 px.

export const criticalItemHref = (quarter: string, itemId: string) =>
  `/app/reports/${encodeURIComponent(quarter)}/critical-items/${encodeURIComponent(itemId)}`;
export const measureHref = (id: string) => `/app/measures/${encodeURIComponent(id)}`;

/** Quarters in each measure's trend line: the most the report's trend option gives. */
export const trendQuarters = 8;

/** A return's sign-off as a tag beside its status, in the words of every output ("not signed off", "awaiting sign-off: 96%"). */
export function SignOffTag({ state, unapproved }: { state: SignOffState | undefined; unapproved?: string }) {
  const note = signOffNote(state, unapproved);
  return note ? (
    <>
      {' '}
      <strong class="govuk-tag app-tag--grey app-sign-off-tag">{note}</strong>
    </>
  ) : null;
}

const Empty = ({ columns, text }: { columns: number; text: string }) => (
  <tr class="govuk-table__row">
    <td class="govuk-table__cell app-empty" colSpan={columns}>
      {text}
    </td>
  </tr>
);

const Cell = ({ label, numeric, children }: { label: string; numeric?: boolean; children: unknown }) => (
  <td class={`govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}`} data-label={label}>
    {children as never}
  </td>
);

export function CriticalItemsTable({
  quarter,
  items,
  filtered,
}: {
  quarter: string;
  items: DashboardView['criticalItems'];
  filtered: boolean;
}) {
  const columns = ['Item', 'Issue', 'Remedial action', 'Owner', 'Due'];
  return (
    <table class="govuk-table app-stack-table app-critical-items" aria-labelledby="critical-items">
      <TableHead columns={columns} />
      <tbody class="govuk-table__body">
        {items.length === 0 && (
          <Empty
            columns={columns.length}
            text={filtered ? 'No critical items match these filters.' : 'No critical items this quarter.'}
          />
        )}
        {items.map(({ item, subject }) => (
          <tr class="govuk-table__row" key={item.id}>
            <Cell label="Item">
              <a class="govuk-link govuk-!-font-weight-bold" href={criticalItemHref(quarter, item.id)}>
                {item.title}
              </a>
              <SignOffTag state={subject?.signOff} />
            </Cell>
            <Cell label="Issue">{item.issue}</Cell>
            <Cell label="Remedial action">
              {item.remedialAction ? item.remedialAction.text : <strong>Remedial action needed</strong>}
            </Cell>
            <Cell label="Owner">{item.remedialAction?.owner ?? ''}</Cell>
            <Cell label="Due">{item.remedialAction?.dueDate ? formatDate(item.remedialAction.dueDate) : ''}</Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlannedWorkTable({ actions }: { actions: DashboardView['actions'] }) {
  const columns = ['Planned work', 'Programme', 'Directorate', 'BRAG'];
  return (
    // Named by a caption, not by the heading (aria-labelledby): a search by label for the
    // `Plan` filter would find the table too.
    <table class="govuk-table app-stack-table">
      <caption class="govuk-visually-hidden">Planned work</caption>
      <TableHead columns={columns} />
      <tbody class="govuk-table__body">
        {actions.length === 0 && <Empty columns={columns.length} text="No planned work matches these filters." />}
        {actions.map((a) => (
          <tr class="govuk-table__row" key={a.id}>
            <Cell label="Planned work">{a.title}</Cell>
            <Cell label="Programme">{a.programme}</Cell>
            <Cell label="Directorate">{a.ownerDirectorate}</Cell>
            <Cell label="BRAG">
              <StatusTag status={a.status} />
              <SignOffTag state={a.signOff} />
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MeasuresTable({ measures }: { measures: DashboardView['measures'] }) {
  const columns = [
    'Measure',
    'Directorate',
    'Status',
    { label: 'Actual', numeric: true as const },
    'Trend on last quarter',
    'Trend on a year ago',
    `Last ${trendQuarters} quarters`,
  ];
  return (
    <table class="govuk-table app-stack-table" aria-labelledby="measures">
      <TableHead columns={columns} />
      <tbody class="govuk-table__body">
        {measures.length === 0 && <Empty columns={columns.length} text="No measures match these filters." />}
        {measures.map((m) => (
          <tr class="govuk-table__row" key={m.id}>
            <Cell label="Measure">
              <a class="govuk-link" href={measureHref(m.id)}>
                {m.title}
              </a>
            </Cell>
            <Cell label="Directorate">{m.ownerDirectorate}</Cell>
            <Cell label="Status">
              <StatusTag status={m.status} />
              <SignOffTag
                state={m.signOff}
                unapproved={m.unapprovedActual == null ? undefined : formatValue(m.unapprovedActual, m.unit)}
              />
            </Cell>
            <Cell label="Actual" numeric>
              {m.actual === null ? 'No result' : formatValue(m.actual, m.unit)}
            </Cell>
            <Cell label="Trend on last quarter">{trendWords[m.trend.previousQuarter]}</Cell>
            <Cell label="Trend on a year ago">{trendWords[m.trend.sameQuarterLastYear]}</Cell>
            <Cell label={`Last ${trendQuarters} quarters`}>
              <span class="app-spark-cell">{m.quarters && <Sparkline points={m.quarters} />}</span>
            </Cell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
