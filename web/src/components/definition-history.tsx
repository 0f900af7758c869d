import type { DefinitionVersion } from '../api';
import { changesOf } from '../definition-changes';
import { formatDateTime } from '../words';
import { Table } from './table';
import { Who } from './who';

const when = (at: string | null) => (at ? formatDateTime(at) : 'Not recorded');

/** Who changed which fields when, newest first (docs/plan-administration.md "Definition history"). */
export function DefinitionHistory({ versions }: { versions: DefinitionVersion[] }) {
  const what = changesOf(versions);
  const rows = versions.map((v, i) => ({ ...v, what: what[i]! }));
  return (
    <Table
      caption="Definition history"
      captionClass="govuk-table__caption--m"
      columns={['Version', 'When', 'Who', 'What changed']}
      wrap={false}
    >
      {rows.reverse().map((v) => (
        <tr class="govuk-table__row" key={v.version}>
          <td class="govuk-table__cell">{v.version}</td>
          <td class="govuk-table__cell">{when(v.at)}</td>
          <td class="govuk-table__cell app-wrap">
            <Who by={v} />
          </td>
          <td class="govuk-table__cell">
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
