import { useState } from 'preact/hooks';
import { useWords } from '../i18n';
import { nameChoice } from '../names';
import { navigate } from '../router';
import { Select } from './fields';

/** The lists' `Plan` filter: the plan in the URL, so a filtered list can be shared or reloaded. */
export function PlanFilter(props: { label: string; listPath: string; plans: string[]; plan: string }) {
  const { language, t } = useWords();
  const w = t.editors.list;
  const [chosen, setChosen] = useState(props.plan);
  return (
    <form
      class="app-filters"
      aria-label={props.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        navigate(chosen ? `${props.listPath}?plan=${encodeURIComponent(chosen)}` : props.listPath);
      }}
    >
      <Select
        id="filter-plan"
        name="plan"
        label={w.plan}
        groupClass="app-filter"
        value={chosen}
        empty={w.all}
        choices={props.plans.map((p) => nameChoice(language, 'plan', p))}
        onChange={setChosen}
      />
      <button type="submit" class="govuk-button govuk-button--secondary">
        {w.applyFilter}
      </button>
    </form>
  );
}
