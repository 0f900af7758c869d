import type { ComponentChildren, RefObject } from 'preact';
import type { Api } from '../api';
import { setFlash } from '../flash';
import { fill, useWords } from '../i18n';
import { navigate } from '../router';
import { ClosedQuarterBanner, SavedReturn } from './closed-quarter';
import { ErrorSummary, type FieldError, SignOffNotice, type SignOffState } from './index';
import { inLanguage } from './user-text';

/**
 * After a save: the flash on Your returns, then back to Your returns on the form's quarter,
 * without the unsaved-changes question. The flash says what happened: saved with its
 * status; with sign-off on, saved and sent to the directorate's approver, the status being
 * what it will be once approved (the report counts the last approved version, SPEC §13);
 * for a closed quarter's, "Saved … as an amendment …" (an amendment awaits no sign-off).
 */
export function useBackAfterSave(unsaved: { leaving(): void }) {
  const { language, t } = useWords();
  return (saved: {
    title: { title: string; titleCy?: string | null | undefined };
    status: string;
    amendment: boolean;
    quarter: string;
    /** Sign-off is on: the version saved awaits the approval of an approver of `directorate`. */
    signOff: boolean;
    directorate: string;
  }) => {
    const text = saved.amendment ? t.forms.savedAmendment : saved.signOff ? t.forms.savedForSignOff : t.forms.saved;
    setFlash(
      fill(text, {
        title: inLanguage(language, saved.title.title, saved.title.titleCy).text,
        status: saved.status,
        directorate: saved.directorate,
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
 * quarter), the error summary, the caption, the heading (the measure's or the work's title)
 * and, for a closed quarter, the banner that says so.
 */
export function ReturnFormLayout(props: {
  quarter: string;
  errors: FieldError[];
  caption: ComponentChildren;
  title: string;
  /** The title in Welsh, when the plan gives one. */
  titleCy?: string | null | undefined;
  heading: RefObject<HTMLHeadingElement | null>;
  /** When the quarter closed, or null while it is open. */
  closedAt: string | null;
  admin: boolean;
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
        {props.closedAt && (
          <ClosedQuarterBanner quarter={props.quarter} closedAt={props.closedAt} amend={props.admin} />
        )}
        {props.children}
      </div>
    </div>
  );
}

/**
 * The body of the result and planned-work forms: the sign-off decision on the latest version,
 * then, for someone who may not amend a closed
 * quarter (not an admin), what was saved, read-only; otherwise someone else's version after a
 * 412, the form's fields and `Save` (`Amend` on a closed quarter).
 */
export function FormOrSavedReturn(props: {
  /** When the quarter closed, or null while it is open. */
  closedAt: string | null;
  admin: boolean;
  /** The form's state (hooks/use-return-form.ts): the sign-off decision, whether it is saving. */
  form: { signOff: SignOffState; saving: boolean };
  /** What the read-only view shows (components/closed-quarter.tsx `SavedReturn`). */
  saved: Parameters<typeof SavedReturn>[0];
  /** Someone else's version after a 412, above the form. */
  conflict: ComponentChildren;
  onSubmit(event: Event): void;
  /** The form's fields. */
  children: ComponentChildren;
}) {
  const f = useWords().t.forms;
  return (
    <>
      <SignOffNotice signOff={props.form.signOff} />
      {props.closedAt && !props.admin ? (
        <SavedReturn {...props.saved} />
      ) : (
        <>
          {props.conflict}
          <form onSubmit={props.onSubmit} noValidate>
            {props.children}
            <button type="submit" class="govuk-button" disabled={props.form.saving} aria-disabled={props.form.saving}>
              {props.closedAt ? f.amend : f.save}
            </button>
          </form>
        </>
      )}
    </>
  );
}
