import { useWords } from '../i18n';
import { valueText } from '../values';
import { ConflictPanel } from './conflict';

/** After a 412 on the result form: their saved result beside what was typed (which stays in the form). */
export function ResultConflict({
  theirs,
  typed,
  unit,
}: {
  theirs: { value: number; commentary?: string | null };
  typed: { value: string; commentary: string };
  unit: string;
}) {
  const { t } = useWords();
  const w = t.forms.result;
  return (
    <ConflictPanel heading={w.theirs}>
      <p class="govuk-body">{w.theirsText}</p>
      <table class="govuk-table">
        <caption class="govuk-visually-hidden">{w.theirsCaption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <td class="govuk-table__header" />
            <th scope="col" class="govuk-table__header">
              {w.savedBySomeoneElse}
            </th>
            <th scope="col" class="govuk-table__header">
              {w.whatYouTyped}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              {t.forms.value}
            </th>
            <td class="govuk-table__cell">{valueText(theirs.value, unit)}</td>
            <td class="govuk-table__cell">{typed.value}</td>
          </tr>
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              {t.forms.commentary}
            </th>
            <td class="govuk-table__cell">{theirs.commentary ?? ''}</td>
            <td class="govuk-table__cell">{typed.commentary}</td>
          </tr>
        </tbody>
      </table>
    </ConflictPanel>
  );
}
