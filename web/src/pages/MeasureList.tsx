import { type ValueRange, valueRangeWords } from '../../../lambdas/domain/value-range';
import type { Api } from '../api';
import { DefinitionList } from '../components/definition-list';
import { useFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { readItems } from '../paging';
import { frequencyWords, periodLabel, polarityWords } from '../words';

// Admins' list of every measure (docs/web-app.md "Admin: measures and planned work"):
// two pages of 500 at most, so the page stays within 3 API requests with GET /me.
const pagesRead = 2;

/** `Between 0 and 100`, `0 or more`, `Any`: the measure's `valueRange` in words (the domain's). */
const rangeWords = (range: ValueRange | undefined) => {
  const words = valueRangeWords(range)?.replace(/^of /, '');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Any';
};

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
      columns={['Frequency', 'Polarity', 'Possible values', 'State']}
      cells={(m) => [
        frequencyWords[m.frequency],
        polarityWords[m.polarity],
        rangeWords(m.valueRange),
        m.retiredFrom ? `Retired from ${periodLabel(m.retiredFrom)}` : 'In use',
      ]}
    />
  );
}
