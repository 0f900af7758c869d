import type { ComponentChildren, RefObject } from 'preact';
import type { Api } from '../api';
import { setFlash } from '../flash';
import { fill, useWords } from '../i18n';
import { navigate } from '../router';
import { ErrorSummary, type FieldError } from './index';
import { inLanguage } from './user-text';

/**
 * After a save: the flash on Your returns ("Saved … as an amendment …" for a closed quarter's),
 * then back to Your returns on the form's quarter, without the unsaved-changes question.
 */
export function useBackAfterSave(unsaved: { leaving(): void }) {
  const { language, t } = useWords();
  return (saved: {
    title: { title: string; titleCy?: string | null | undefined };
    status: string;
    amendment: boolean;
    quarter: string;
  }) => {
    setFlash(
      fill(saved.amendment ? t.forms.savedAmendment : t.forms.saved, {
        title: inLanguage(language, saved.title.title, saved.title.titleCy).text,
        status: saved.status,
      }),
    );
    unsaved.leaving();
    navigate(`/app/?quarter=${encodeURIComponent(saved.quarter)}`);
  };
}

/** What the result and planned-work forms are given besides their id and period. */
export interface ReturnFormProps {
  api: Api;
  id: string;
  /** Sign-off is on: the latest version's decision is shown (one more request, only when a version exists). */
  signOff?: boolean;
  /** The reader is an admin: a closed quarter's form amends it rather than being read-only. */
  admin?: boolean;
}

/**
 * The frame of the result and planned-work forms: `Back to Your returns` (on the form's
 * quarter), the error summary, the caption and the heading (the measure's or the work's title).
 */
export function ReturnFormLayout(props: {
  quarter: string;
  errors: FieldError[];
  caption: ComponentChildren;
  title: string;
  /** The title in Welsh, when the plan gives one. */
  titleCy?: string | null | undefined;
  heading: RefObject<HTMLHeadingElement | null>;
  children: ComponentChildren;
}) {
  const { language, t } = useWords();
  const title = inLanguage(language, props.title, props.titleCy);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a href={`/app/?quarter=${encodeURIComponent(props.quarter)}`} class="govuk-back-link">
          {t.forms.back}
        </a>
        <ErrorSummary errors={props.errors} />
        <span class="govuk-caption-l">{props.caption}</span>
        <h1 class="govuk-heading-l" tabIndex={-1} ref={props.heading} lang={title.lang}>
          {title.text}
        </h1>
        {props.children}
      </div>
    </div>
  );
}
