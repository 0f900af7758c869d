import type { ValueRange } from '../../../lambdas/domain/value-range';
import type { Api } from '../api';
import { DefinitionList } from '../components/definition-list';
import { fill, useWords, type WebWords } from '../i18n';
import { frequencyWords, periodLabel, polarityWords } from '../words';

// Admins' list of every measure (docs/web-app.md "Admin: measures and planned work").

/** `Between 0 and 100`, `0 or more`, `Any`: the measure's `valueRange` in words. */
const rangeWords = ({ min, max }: ValueRange = {}, w: WebWords['editors']['measures']) =>
  min !== undefined && max !== undefined
    ? fill(w.between, { min, max })
    : min !== undefined
      ? fill(w.orMore, { min })
      : max !== undefined
        ? fill(w.orLess, { max })
        : w.anyValue;

export function MeasureList({ api, plan }: { api: Api; plan?: string }) {
  const w = useWords().t.editors.measures;
  return (
    <DefinitionList
      words={w}
      listPath="/app/admin/measures"
      load={(next) => api.listMeasures({ limit: '500', next })}
      itemsKey="measures"
      deps={[api]}
      plan={plan}
      titleColumn={w.measure}
      columns={[w.frequency, w.polarity, w.possibleValues, w.state]}
      cells={(m) => [
        frequencyWords[m.frequency],
        polarityWords[m.polarity],
        rangeWords(m.valueRange, w),
        m.retiredFrom ? fill(w.retiredFrom, { quarter: periodLabel(m.retiredFrom) }) : w.inUse,
      ]}
    />
  );
}
