import { useState } from 'preact/hooks';
import type { Api, DefinitionKind } from '../api';
import { Select } from '../components';
import { type DownloadButton, DownloadButtons } from '../components/download-buttons';

// The Definitions page's `Plan` select and its `Download the definitions` section.

export function PlanSelect(props: {
  id: string;
  plans: [string, string][];
  value: string;
  onChange(value: string): void;
  all?: boolean;
  error?: string;
}) {
  return (
    <Select
      id={props.id}
      label="Plan"
      hint="The plans named in the settings"
      value={props.value}
      empty={props.all ? 'All plans' : 'Select a plan'}
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
  const [plan, setPlan] = useState('');
  const file = (label: string, format: 'xlsx' | 'csv', kind?: DefinitionKind): DownloadButton => ({
    label,
    name: `definitions-${plan || 'all-plans'}${kind ? `-${kind === 'actions' ? 'planned-work' : kind}` : ''}.${format}`,
    fetch: () => api.definitionsDocument(format, kind, plan || undefined),
  });
  return (
    <section aria-labelledby="download-heading">
      <h2 class="govuk-heading-m" id="download-heading">
        Download the definitions
      </h2>
      <p class="govuk-body">
        The live measures and planned work, one row each, with a <code>target &lt;period&gt;</code> column for each
        period that has a target.
      </p>
      <PlanSelect id="download-plan" plans={plans} value={plan} onChange={setPlan} all />
      <DownloadButtons
        buttons={[
          file('Download spreadsheet (XLSX)', 'xlsx'),
          file('Download measures (CSV)', 'csv', 'measures'),
          file('Download planned work (CSV)', 'csv', 'actions'),
        ]}
      />
    </section>
  );
}
