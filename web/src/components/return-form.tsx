import type { ComponentChildren, RefObject } from 'preact';
import { useWords } from '../i18n';
import { ErrorSummary, type FieldError } from './index';
import { inLanguage } from './user-text';

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
