import type { ComponentChildren, RefObject } from 'preact';
import { ErrorSummary, type FieldError } from './index';

/**
 * The frame of the result and planned-work forms: `Back to Your returns` (on the form's
 * quarter), the error summary, the caption and the heading (the measure's or the work's title).
 */
export function ReturnFormLayout(props: {
  quarter: string;
  errors: FieldError[];
  caption: ComponentChildren;
  title: string;
  heading: RefObject<HTMLHeadingElement | null>;
  children: ComponentChildren;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a href={`/app/?quarter=${encodeURIComponent(props.quarter)}`} class="govuk-back-link">
          Back to Your returns
        </a>
        <ErrorSummary errors={props.errors} />
        <span class="govuk-caption-l">{props.caption}</span>
        <h1 class="govuk-heading-l" tabIndex={-1} ref={props.heading}>
          {props.title}
        </h1>
        {props.children}
      </div>
    </div>
  );
}
