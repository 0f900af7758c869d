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
  return (
    <ConflictPanel heading="Someone else changed this result">
      <p class="govuk-body">
        Someone else saved this result while you were editing it. What you typed is kept below: check it, then select
        Save to replace their version with yours.
      </p>
      <table class="govuk-table">
        <caption class="govuk-visually-hidden">Their saved result and what you typed</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <td class="govuk-table__header" />
            <th scope="col" class="govuk-table__header">
              Saved by someone else
            </th>
            <th scope="col" class="govuk-table__header">
              What you typed
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              Value
            </th>
            <td class="govuk-table__cell">{valueText(theirs.value, unit)}</td>
            <td class="govuk-table__cell">{typed.value}</td>
          </tr>
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              Commentary
            </th>
            <td class="govuk-table__cell">{theirs.commentary ?? ''}</td>
            <td class="govuk-table__cell">{typed.commentary}</td>
          </tr>
        </tbody>
      </table>
    </ConflictPanel>
  );
}
