import type { ComponentChildren } from 'preact';
import type { Answer } from '../api';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { fill, useWords, type WebWords } from '../i18n';
import { readItems } from '../paging';
import { Loading, ProblemPage, SuccessBanner, useFocusHeading } from './index';
import { PlanFilter } from './plan-filter';
import { StackCell, Table } from './table';
import { Name } from './user-text';

interface Listed {
  id: string;
  title: string;
  titleCy?: string;
  plan: string;
  programme: string;
  ownerDirectorate: string;
}

/** Two pages of 500 at most, so the page stays within 3 API requests with GET /me. */
const pagesRead = 2;

/**
 * The admin's list of measures or of planned work (docs/web-app.md "Admin: measures and
 * planned work"): `Add …`, the `Plan` filter (in the URL), how many are shown, and a table
 * whose first column links each title to its editor, then `ID`, `Plan`, `Programme`,
 * `Owner directorate` and the list's own columns.
 */
export function DefinitionList<K extends string, T extends Listed>(props: {
  /** The list's words (the catalogue's `editors.measures` or `editors.actions`): heading, `Add …`, the count. */
  words: WebWords['editors']['measures'] | WebWords['editors']['actions'];
  /** `/app/admin/measures`: the list, its editors under it (`…/new`, `…/{id}`). */
  listPath: string;
  /** One page of the list, and the key its items are under. */
  load(next?: string): Promise<Answer<{ next: string | null } & { [k in K]: T[] }>>;
  itemsKey: K;
  deps: readonly unknown[];
  plan: string | undefined;
  /** The first column's heading, then the list's own columns after `Owner directorate`. */
  titleColumn: string;
  columns: readonly string[];
  /** After the title link, in the first cell (e.g. that it is retired). */
  afterTitle?(item: T): ComponentChildren;
  cells(item: T): ComponentChildren[];
}) {
  const w = props.words;
  const { language, t } = useWords();
  const list = t.editors.list;
  const banner = useFlash();
  const read = useData(() => readItems(props.load, props.itemsKey, pagesRead), props.deps);
  const heading = useFocusHeading(read.data !== undefined, w.title);
  if (read.failed) return <ProblemPage title={w.notLoaded} detail={read.failed.problem.detail ?? w.notLoadedDetail} />;
  if (!read.data) return <Loading />;
  const { items, more } = read.data;
  const plans = [...new Set(items.map((i) => i.plan))].sort();
  // The title in the language shown: a Welsh page shows the English where there is no Welsh, marked lang="en".
  const titleOf = (i: T) => (language === 'cy' && i.titleCy ? i.titleCy : i.title);
  // By title, as people look for them (the API lists by id, which people never see first).
  const byTitle = [...items].sort((a, b) => titleOf(a).localeCompare(titleOf(b), language === 'cy' ? 'cy' : 'en-GB'));
  const noWelsh = items.filter((i) => !i.titleCy).length;
  const shown = props.plan ? byTitle.filter((i) => i.plan === props.plan) : byTitle;
  return (
    <>
      {banner && <SuccessBanner id={`${props.listPath.split('/').at(-1)}-banner`} message={banner} />}
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.title}
      </h1>
      <p class="govuk-body">
        <a class="govuk-button" href={`${props.listPath}/new`} draggable={false}>
          {w.add}
        </a>
      </p>
      <PlanFilter label={w.filter} listPath={props.listPath} plans={plans} plan={props.plan ?? ''} />
      <p class="govuk-body" aria-live="polite">
        {fill(w.showing, { shown: shown.length, total: items.length, more: more ? list.more : '' })}
      </p>
      {noWelsh > 0 && <p class="govuk-body">{fill(list.noWelsh, { n: noWelsh })}</p>}
      <Table
        caption={w.title}
        columns={[props.titleColumn, list.id, list.plan, list.programme, list.owner, ...props.columns]}
        stack
      >
        {shown.map((item) => (
          <tr class="govuk-table__row" key={item.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`${props.listPath}/${encodeURIComponent(item.id)}`}>
                <span lang={language === 'cy' && !item.titleCy ? 'en' : undefined}>{titleOf(item)}</span>
              </a>
              {props.afterTitle?.(item)}
            </td>
            <StackCell label={list.id} class="app-break-anywhere">
              {item.id}
            </StackCell>
            <StackCell label={list.plan}>
              <Name kind="plan" of={item.plan} />
            </StackCell>
            <StackCell label={list.programme}>
              <Name kind="programme" of={item.programme} />
            </StackCell>
            <StackCell label={list.owner}>
              <Name kind="directorate" of={item.ownerDirectorate} />
            </StackCell>
            {props.cells(item).map((cell, i) => (
              // The columns are fixed: their order is their identity.
              <StackCell key={i} label={props.columns[i]}>
                {cell}
              </StackCell>
            ))}
          </tr>
        ))}
      </Table>
    </>
  );
}
