import type { Api } from '../api';
import { DefinitionList } from '../components/definition-list';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { readItems } from '../paging';
import { frequencyWords, periodLabel, polarityWords } from '../words';

// Admins' list of every measure (docs/web-app.md "Admin: measures and planned work"):
// two pages of 500 at most, so the page stays within 3 API requests with GET /me.
const pagesRead = 2;

export function MeasureList({ api, plan }: { api: Api; plan?: string }) {
  const read = useData(
    () => readItems((next) => api.listMeasures({ limit: '500', next }), 'measures', pagesRead),
    [api],
  );
  return (
    <DefinitionList
      title="Measures"
      word="measures"
      counted="measures"
      listPath="/app/admin/measures"
      addLabel="Add a measure"
      banner={useFlash()}
      read={read}
      plan={plan}
      titleColumn="Measure"
      columns={['Frequency', 'Polarity', 'State']}
      cells={(m) => [
        frequencyWords[m.frequency],
        polarityWords[m.polarity],
        m.retiredFrom ? `Retired from ${periodLabel(m.retiredFrom)}` : 'In use',
      ]}
    />
  );
}
