import type { ComponentChildren } from 'preact';

/** One row of a GOV.UK summary list: its key and value (`lang` when the value is in the other language). */
export function SummaryRow({ label, lang, children }: { label: string; lang?: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value" lang={lang}>
        {children}
      </dd>
    </div>
  );
}
