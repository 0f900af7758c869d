import type { ComponentChildren } from 'preact';
import { signOffNote } from '../../../lambdas/domain/sign-off';
import type { SignOffState } from '../../../lambdas/domain/types';
import type { DashboardView } from '../dashboard-view';
import { fill, useWords } from '../i18n';
import { Sparkline } from '../sparkline';
import { formatDate, formatValue, trendWords } from '../words';
import { StatusTag } from './index';
import { type Column, StackCell, TableHead } from './table';
import { Name, Sentence, UserText } from './user-text';

// The dashboard's compact tables (docs/web-app.md "Dashboard"). Each cell carries its
// column's words (`StackCell`'s label), which a phone shows before it when the rows stack
// (`.app-stack-table` in web/styles/app.scss): no sideways scroll at 320 px.

export const criticalItemHref = (quarter: string, itemId: string) =>
  `/app/reports/${encodeURIComponent(quarter)}/critical-items/${encodeURIComponent(itemId)}`;
export const measureHref = (id: string) => `/app/measures/${encodeURIComponent(id)}`;

/** Quarters in each measure's trend line: the most the report's trend option gives. */
export const trendQuarters = 8;

/** A return's sign-off as a tag beside its status, in the words of every output ("not signed off", "awaiting sign-off: 96%"). */
export function SignOffTag({ state, unapproved }: { state: SignOffState | undefined; unapproved?: string }) {
  const { language } = useWords();
  const note = signOffNote(state, unapproved, language);
  return note ? (
    <>
      {' '}
      <strong class="govuk-tag app-tag--grey app-sign-off-tag">{note}</strong>
    </>
  ) : null;
}

/**
 * A dashboard table: its head, then its rows, or `empty` in one row across every column when
 * there are none (null: there are rows).
 */
function StackTable(props: {
  class?: string;
  labelledBy?: string;
  caption?: string;
  columns: readonly Column[];
  empty: string | null;
  children: ComponentChildren;
}) {
  return (
    <table
      class={`govuk-table app-stack-table${props.class ? ` ${props.class}` : ''}`}
      aria-labelledby={props.labelledBy}
    >
      {props.caption && <caption class="govuk-visually-hidden">{props.caption}</caption>}
      <TableHead columns={props.columns} />
      <tbody class="govuk-table__body">
        {props.empty !== null && (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell app-empty" colSpan={props.columns.length}>
              {props.empty}
            </td>
          </tr>
        )}
        {props.children}
      </tbody>
    </table>
  );
}

export function CriticalItemsTable({
  quarter,
  items,
  filtered,
}: {
  quarter: string;
  items: DashboardView['criticalItems'];
  filtered: boolean;
}) {
  const { t } = useWords();
  const w = t.dashboard;
  const columns = [w.item, w.issue, w.remedialAction, w.owner, w.due];
  return (
    <StackTable
      class="app-critical-items"
      labelledBy="critical-items"
      columns={columns}
      empty={items.length > 0 ? null : filtered ? w.noItemsMatch : w.noItems}
    >
      {items.map(({ item, subject }) => (
        <tr class="govuk-table__row" key={item.id}>
          <StackCell>
            <a class="govuk-link govuk-!-font-weight-bold" href={criticalItemHref(quarter, item.id)}>
              <UserText en={item.title} cy={item.titleCy} />
            </a>
            <SignOffTag state={subject?.signOff} />
          </StackCell>
          <StackCell label={w.issue}>
            <Sentence en={item.issue} cy={item.issueCy} />
          </StackCell>
          <StackCell label={w.remedialAction}>
            {item.remedialAction ? item.remedialAction.text : <strong>{t.criticalItem.remedialActionNeeded}</strong>}
          </StackCell>
          <StackCell label={w.owner}>{item.remedialAction?.owner ?? ''}</StackCell>
          <StackCell label={w.due}>
            {item.remedialAction?.dueDate ? formatDate(item.remedialAction.dueDate) : ''}
          </StackCell>
        </tr>
      ))}
    </StackTable>
  );
}

export function PlannedWorkTable({ actions }: { actions: DashboardView['actions'] }) {
  const w = useWords().t.dashboard;
  const columns = [w.plannedWork, w.programme, w.directorate, w.brag];
  return (
    // Named by a caption, not by the heading (aria-labelledby): a search by label for the
    // `Plan` filter would find the table too.
    <StackTable caption={w.plannedWork} columns={columns} empty={actions.length > 0 ? null : w.noWorkMatches}>
      {actions.map((a) => (
        <tr class="govuk-table__row" key={a.id}>
          <StackCell>
            <UserText en={a.title} cy={a.titleCy} />
          </StackCell>
          <StackCell label={w.programme}>
            <Name kind="programme" of={a.programme} />
          </StackCell>
          <StackCell label={w.directorate}>
            <Name kind="directorate" of={a.ownerDirectorate} />
          </StackCell>
          <StackCell label={w.brag}>
            <StatusTag status={a.status} />
            <SignOffTag state={a.signOff} />
          </StackCell>
        </tr>
      ))}
    </StackTable>
  );
}

export function MeasuresTable({ measures }: { measures: DashboardView['measures'] }) {
  const w = useWords().t.dashboard;
  const lastQuarters = fill(w.lastQuarters, { n: trendQuarters });
  const columns = [
    w.measure,
    w.directorate,
    w.status,
    { label: w.actual, numeric: true as const },
    w.trendLastQuarter,
    w.trendYearAgo,
    lastQuarters,
  ];
  return (
    <StackTable labelledBy="measures" columns={columns} empty={measures.length > 0 ? null : w.noMeasuresMatch}>
      {measures.map((m) => (
        <tr class="govuk-table__row" key={m.id}>
          <StackCell>
            <a class="govuk-link" href={measureHref(m.id)}>
              <UserText en={m.title} cy={m.titleCy} />
            </a>
          </StackCell>
          <StackCell label={w.directorate}>
            <Name kind="directorate" of={m.ownerDirectorate} />
          </StackCell>
          <StackCell label={w.status}>
            <StatusTag status={m.status} />
            <SignOffTag
              state={m.signOff}
              unapproved={m.unapprovedActual == null ? undefined : formatValue(m.unapprovedActual, m.unit)}
            />
          </StackCell>
          <StackCell label={w.actual} numeric>
            {m.actual === null ? w.noResult : formatValue(m.actual, m.unit)}
          </StackCell>
          <StackCell label={w.trendLastQuarter}>{trendWords[m.trend.previousQuarter]}</StackCell>
          <StackCell label={w.trendYearAgo}>{trendWords[m.trend.sameQuarterLastYear]}</StackCell>
          <StackCell label={lastQuarters}>
            <span class="app-spark-cell">{m.quarters && <Sparkline points={m.quarters} />}</span>
          </StackCell>
        </tr>
      ))}
    </StackTable>
  );
}
