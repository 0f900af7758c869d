import { useState } from 'preact/hooks';
import { QuarterSelect } from '.';

/**
 * The `Quarter` select with its button, on the pages that show one quarter at a time
 * (`Your returns`, the dashboard): the choice takes effect when the button is pressed
 * (`onShow`), so a keyboard user can move through the options without leaving the page.
 */
export function QuarterPicker({
  quarters,
  quarter,
  button,
  onShow,
  formClass,
}: {
  quarters: { quarter: string; closed?: boolean }[];
  /** The quarter shown now. */
  quarter: string;
  /** The button's words (`Show returns`, `Show quarter`). */
  button: string;
  onShow: (quarter: string) => void;
  /** More classes for the form (`app-no-print`). */
  formClass?: string;
}) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selected = chosen ?? quarter;
  return (
    <form
      class={`govuk-!-margin-bottom-6${formClass ? ` ${formClass}` : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        onShow(selected);
      }}
      noValidate
    >
      <QuarterSelect groupClass="govuk-!-margin-bottom-3" quarters={quarters} value={selected} onChange={setChosen} />
      <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
        {button}
      </button>
    </form>
  );
}
