import { periodLabel } from '../words';
import { Name } from './user-text';

/**
 * The caption above the heading of a page that lists one directorate's returns for a quarter
 * (`Your returns`, `Awaiting sign-off`): `Place, 2017-18 Q4`, or `every` for every directorate.
 */
export function ScopeCaption(props: { directorate?: string | null; quarter?: string | null; every: string }) {
  return (
    <span class="govuk-caption-l">
      {props.directorate ? <Name kind="directorate" of={props.directorate} /> : props.every}
      {props.quarter ? `, ${periodLabel(props.quarter)}` : ''}
    </span>
  );
}
