import type { ComponentChildren } from 'preact';

/**
 * One row of a GOV.UK summary list: its key and value (`lang` when the value is in the other
 * language; `valueClass` such as `app-pre-line`, to keep the line breaks typed).
 */
export function SummaryRow({
  label,
  lang,
  valueClass,
  children,
}: {
  label: string;
  lang?: string;
  valueClass?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class={valueClass ? `govuk-summary-list__value ${valueClass}` : 'govuk-summary-list__value'} lang={lang}>
        {children}
      </dd>
    </div>
  );
}

/** A GOV.UK summary list whose rows are given as data: `[key, value]`, each key once. */
export function SummaryList({
  id,
  rows,
  valueClass,
}: {
  id?: string;
  rows: readonly (readonly [string, ComponentChildren])[];
  valueClass?: string;
}) {
  return (
    <dl class="govuk-summary-list" id={id}>
      {rows.map(([key, value]) => (
        <SummaryRow key={key} label={key} valueClass={valueClass}>
          {value}
        </SummaryRow>
      ))}
    </dl>
  );
}
