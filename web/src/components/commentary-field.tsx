import { formatNumber } from '../../../lambdas/domain/format';
import { commentaryMaxLength, commentaryRequiredMessage } from '../../../lambdas/domain/write-rules';
import { fill, useWords, type WebWords } from '../i18n';
import { CharacterCount } from './fields';

// The commentary of the result and planned-work forms: GOV.UK's character count with the
// domain's limit (the one the API's schema checks), and each error in its own words.

type FormWords = WebWords['forms'];

export function CommentaryField(props: { value: string; hint: string; error?: string; onInput(value: string): void }) {
  const { t } = useWords();
  return (
    <CharacterCount
      id="commentary"
      label={t.forms.commentary}
      labelClass="govuk-label--m"
      hint={props.hint}
      maxLength={commentaryMaxLength}
      rows={5}
      value={props.value}
      error={props.error}
      onInput={props.onInput}
    />
  );
}

/** What the form refuses before sending: "Commentary must be 4,000 characters or fewer", or null. */
export const commentaryProblem = (text: string, w: FormWords): string | null =>
  text.length > commentaryMaxLength ? fill(w.commentaryTooLong, { max: formatNumber(commentaryMaxLength) }) : null;

/** The API's refusal of `/commentary` in words: `required` when the status needs it, else its own reason. */
export const commentaryRefusal = (message: string, required: string, w: FormWords): string =>
  message === commentaryRequiredMessage ? required : fill(w.commentaryRefused, { message });
