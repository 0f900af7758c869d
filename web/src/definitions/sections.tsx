import { useState } from 'preact/hooks';
import type { Api, DefinitionKind } from '../api';
import { Select } from '../components';
import { type DownloadButton, DownloadButtons } from '../components/download-buttons';
import { useWords } from '../i18n';

// The Definitions page's `Plan` select and its `Download the definitions` section.

export function PlanSelect(props: {
  id: string;
  plans: [string, string][];
  value: string;
  onChange(value: string): void;
  all?: boolean;
  error?: string;
}) {
  const w = useWords().t.editors.definitions;
  return (
    <Select
      id={props.id}
      label={w.plan}
      hint={w.planHint}
      value={props.value}
      empty={props.all ? w.allPlans : w.selectPlan}
      choices={props.plans.map(([slug, name]) => ({
        value: slug,
        // By name (SPEC §12): the id only for a plan the settings do not name.
        label: name || slug,
      }))}
      error={props.error}
      onChange={props.onChange}
    />
  );
}

export function Downloads({ api, plans }: { api: Api; plans: [string, string][] }) {
  const w = useWords().t.editors.definitions;
  const [plan, setPlan] = useState('');
  const file = (label: string, format: 'xlsx' | 'csv', kind?: DefinitionKind): DownloadButton => ({
    label,
    name: `definitions-${plan || 'all-plans'}${kind ? `-${kind === 'actions' ? 'planned-work' : kind}` : ''}.${format}`,
    fetch: () => api.definitionsDocument(format, kind, plan || undefined),
  });
  const [before, after] = w.downloadText.split('{column}');
  return (
    <section aria-labelledby="download-heading">
      <h2 class="govuk-heading-m" id="download-heading">
        {w.download}
      </h2>
      <p class="govuk-body">
        {before}
        {/* The spreadsheet's column as the contract names it, in English whatever the page's language. */}
        <code lang="en">target &lt;period&gt;</code>
        {after}
      </p>
      <PlanSelect id="download-plan" plans={plans} value={plan} onChange={setPlan} all />
      <DownloadButtons
        buttons={[file(w.xlsx, 'xlsx'), file(w.measuresCsv, 'csv', 'measures'), file(w.actionsCsv, 'csv', 'actions')]}
      />
    </section>
  );
}
