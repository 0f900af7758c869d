import type { DefinitionVersion } from '../api';
import { changesOf } from '../definition-changes';
import { useWords } from '../i18n';
import { formatDateTime } from '../words';
import { Table } from './table';
import { Who } from './who';

/** Who changed which fields when, newest first (docs/plan-administration.md "Definition history"). */
export function DefinitionHistory({ versions }: { versions: DefinitionVersion[] }) {
  const w = useWords().t.editors;
  const what = changesOf(versions, w);
  const rows = versions.map((v, i) => ({ ...v, what: what[i]! }));
  return (
    <Table
      caption={w.history.caption}
      captionClass="govuk-table__caption--m"
      columns={[w.history.version, w.history.when, w.history.who, w.history.what]}
      wrap={false}
      stack
    >
      {rows.reverse().map((v) => (
        <tr class="govuk-table__row" key={v.version}>
          <td class="govuk-table__cell" data-label={w.history.version}>
            {v.version}
          </td>
          <td class="govuk-table__cell" data-label={w.history.when}>
            {v.at ? formatDateTime(v.at) : w.history.notRecorded}
          </td>
          <td class="govuk-table__cell app-wrap" data-label={w.history.who}>
            <Who by={v} />
          </td>
          <td class="govuk-table__cell" data-label={w.history.what}>
            {v.what.length === 1 ? (
              v.what[0]
            ) : (
              <ul class="govuk-list">
                {v.what.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
