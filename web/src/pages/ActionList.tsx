import type { Api } from '../api';
import { DefinitionList } from '../components/definition-list';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { readItems } from '../paging';
import { periodLabel } from '../words';

// Admins' list of every item of planned work (docs/web-app.md "Admin: measures and
// planned work"): two pages of 500 at most, within 3 API requests with GET /me.
const pagesRead = 2;

const quarterWords = (q: string | undefined) => (q ? periodLabel(q) : 'Not set');

export function ActionList({ api, plan }: { api: Api; plan?: string }) {
  const read = useData(() => readItems((next) => api.listActions({ limit: '500', next }), 'actions', pagesRead), [api]);
  return (
    <DefinitionList
      title="Planned work"
      word="planned work"
      counted="items"
      listPath="/app/admin/actions"
      addLabel="Add planned work"
      banner={useFlash()}
      read={read}
      plan={plan}
      titleColumn="Planned work"
      columns={['Start quarter', 'Due quarter']}
      afterTitle={(a) => a.retiredFrom && ` (retired from ${periodLabel(a.retiredFrom)})`}
      cells={(a) => [quarterWords(a.startQuarter), quarterWords(a.dueQuarter)]}
    />
  );
}
