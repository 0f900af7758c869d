import type { DefinitionVersion } from '../api';
import { changesOf } from '../definition-changes';
import { useWords } from '../i18n';
import { formatDateTime } from '../words';
import { StackCell, Table } from './table';
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
          <StackCell label={w.history.version}>{v.version}</StackCell>
          <StackCell label={w.history.when}>{v.at ? formatDateTime(v.at) : w.history.notRecorded}</StackCell>
          <StackCell label={w.history.who} class="app-wrap">
            <Who by={v} />
          </StackCell>
          <StackCell label={w.history.what}>
            {v.what.length === 1 ? (
              v.what[0]
            ) : (
              <ul class="govuk-list">
                {v.what.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </StackCell>
        </tr>
      ))}
    </Table>
  );
}
