import type { Api } from '../api';
import { DefinitionList } from '../components/definition-list';
import { fill, useWords } from '../i18n';
import { periodLabel } from '../words';

// Admins' list of every item of planned work (docs/web-app.md "Admin: measures and planned work").

export function ActionList({ api, plan }: { api: Api; plan?: string }) {
  const w = useWords().t.editors.actions;
  const quarterWords = (q: string | undefined) => (q ? periodLabel(q) : w.notSet);
  return (
    <DefinitionList
      words={w}
      listPath="/app/admin/actions"
      load={(next) => api.listActions({ limit: '500', next })}
      itemsKey="actions"
      deps={[api]}
      plan={plan}
      titleColumn={w.title}
      columns={[w.startQuarter, w.dueQuarter]}
      afterTitle={(a) => a.retiredFrom && fill(w.retiredFrom, { quarter: periodLabel(a.retiredFrom) })}
      cells={(a) => [quarterWords(a.startQuarter), quarterWords(a.dueQuarter)]}
    />
  );
}
