import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { fill, useWords } from '../i18n';
import { periodLabel, statusWords } from '../words';
import { Select } from './fields';
import { errorSummaryShown, setPageTitle } from './page-title';

export * from './fields';

export interface FieldError {
  /** The id of the field the error summary links to. */
  field: string;
  message: string;
}

/** GOV.UK error summary: focused when shown, each error a link that moves focus to its field; optionally a sentence above them. */
export function ErrorSummary({ errors, description }: { errors: FieldError[]; description?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useWords();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  const showing = errors.length > 0;
  useEffect(() => (showing ? errorSummaryShown() : undefined), [showing]);
  if (!showing) return null;
  const focusField = (event: MouseEvent, id: string) => {
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    const group = field.closest('.govuk-form-group, fieldset');
    (group ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
  };
  return (
    <div class="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{t.errors.summaryTitle}</h2>
        <div class="govuk-error-summary__body">
          {description && <p class="govuk-body">{description}</p>}
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <a href={`#${e.field}`} onClick={(event) => focusField(event, e.field)}>
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

const tagColour: Record<string, string> = {
  blue: 'blue',
  green: 'green',
  amber: 'amber',
  red: 'red',
};

/** A status in words, coloured as well (never colour alone). */
export function StatusTag({ status }: { status: keyof typeof statusWords }) {
  return <strong class={`govuk-tag app-tag--${tagColour[status] ?? 'grey'}`}>{statusWords[status]}</strong>;
}

/**
 * Names the page (its title) once it has loaded and moves focus to its heading, so screen
 * readers announce it (single-page app); `focus` false when something else takes focus
 * first (a success banner), the title is set all the same.
 */
export function useFocusHeading(ready: boolean, title: string, focus = true) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!ready) return;
    setPageTitle(title);
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [ready, title, focus]);
  return ref;
}

export function Loading() {
  const { t } = useWords();
  return (
    <p class="govuk-body" aria-live="polite">
      {t.shell.loading}
    </p>
  );
}

/** A start page's address and which page it is (the problem page names it in the language shown). */
export interface StartPageLink {
  href: string;
  to: 'dashboard' | 'returns';
}

/**
 * The signed-in person's start page, the one their role lands on (web/src/routes.ts
 * `startPage`): where a problem page sends them back to, in words that name it. null: none
 * (signed out, or no role yet).
 */
export const StartPage = createContext<StartPageLink | null>(null);

export function ProblemPage({ title, detail }: { title: string; detail: string }) {
  const ref = useFocusHeading(true, title);
  const start = useContext(StartPage);
  const { problems } = useWords().t;
  return (
    <>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={ref}>
        {title}
      </h1>
      <p class="govuk-body">{detail}</p>
      {start && (
        <p class="govuk-body">
          <a class="govuk-link" href={start.href}>
            {start.to === 'dashboard' ? problems.goToDashboard : problems.goToReturns}
          </a>
        </p>
      )}
    </>
  );
}

/** A page whose data could not be loaded: `Page not found` for a 404, otherwise `Sorry, there is a problem`. */
export function LoadFailedPage({ failed }: { failed: { status: number; problem: { detail?: string } } }) {
  const { problems } = useWords().t;
  return (
    <ProblemPage
      title={failed.status === 404 ? problems.notFoundTitle : problems.problemTitle}
      detail={failed.problem.detail ?? ''}
    />
  );
}

/** GOV.UK success banner, focused once when it appears (not on every render, which would pull focus back). */
export function SuccessBanner({ id, message }: { id: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <NotificationBanner
      id={id}
      title={useWords().t.admin.fields.success}
      success
      role="alert"
      focusRef={ref}
      heading={message}
    />
  );
}

/**
 * The GOV.UK notification banner: its title (`id` names it), a heading line and anything
 * below; `success` for the green one, `role="alert"` when it comes after an action.
 */
export function NotificationBanner(props: {
  id: string;
  title: string;
  heading: ComponentChildren;
  success?: boolean;
  role?: 'alert' | 'region';
  /** The section's id. */
  sectionId?: string;
  focusRef?: { current: HTMLDivElement | null };
  children?: ComponentChildren;
}) {
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is always given ("alert" or "region"), and both take a label.
    <div
      class={`govuk-notification-banner${props.success ? ' govuk-notification-banner--success' : ''}`}
      role={props.role ?? 'region'}
      aria-labelledby={props.id}
      id={props.sectionId}
      tabIndex={props.focusRef ? -1 : undefined}
      ref={props.focusRef}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={props.id}>
          {props.title}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{props.heading}</p>
        {props.children}
      </div>
    </div>
  );
}

/** GOV.UK warning text: the "!" icon and the words, read out after "Warning"; `after` goes below them. */
export function WarningText({
  id,
  children,
  after,
}: {
  id?: string;
  children: ComponentChildren;
  after?: ComponentChildren;
}) {
  return (
    <div class="govuk-warning-text" id={id}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{useWords().t.admin.fields.warning}</span>
        {children}
      </strong>
      {after}
    </div>
  );
}

/** A button that does its job once at a time: disabled (and said to be) while `busy`. */
export function BusyButton({
  id,
  busy,
  onClick,
  children,
}: {
  id: string;
  busy: boolean;
  onClick(): void;
  children: ComponentChildren;
}) {
  return (
    <button type="button" class="govuk-button" id={id} disabled={busy} aria-disabled={busy} onClick={onClick}>
      {children}
    </button>
  );
}

/** The latest version's sign-off, as a form shows it (docs/sign-off.md). */
export type SignOffState = { state: 'returned'; reason: string } | { state: 'awaiting' } | null;

export function signOffStateOf(
  versions: readonly { submitted?: boolean; signOff?: { decision: string; reason?: string } }[],
): SignOffState {
  const latest = versions.at(-1);
  if (!latest?.submitted) return null;
  if (latest.signOff?.decision === 'return') return { state: 'returned', reason: latest.signOff.reason ?? '' };
  return latest.signOff ? null : { state: 'awaiting' };
}

/** On a form: a returned version's reason, so the officer can correct it and save again; or that it awaits sign-off. */
export function SignOffNotice({ signOff }: { signOff: SignOffState }) {
  const w = useWords().t.admin.fields;
  if (!signOff) return null;
  if (signOff.state === 'awaiting')
    return (
      <div class="govuk-inset-text" id="sign-off-state">
        {w.awaitingSignOff}
      </div>
    );
  return (
    <WarningText
      id="sign-off-state"
      after={
        // The reason as the approver wrote it, once, with no full stop added after theirs.
        <p class="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          {fill(w.reason, { reason: signOff.reason || w.noReason })}
        </p>
      }
    >
      {w.returned}
    </WarningText>
  );
}

/** The `Quarter` select of the pages that show one quarter: newest first as the API lists them, closed ones marked. */
export function QuarterSelect({
  quarters,
  value,
  onChange,
  groupClass,
}: {
  quarters: { quarter: string; closed?: boolean }[];
  value: string;
  onChange: (quarter: string) => void;
  /** More classes for the form group. */
  groupClass?: string;
}) {
  const w = useWords().t.admin.fields;
  return (
    <Select
      id="quarter"
      label={w.quarter}
      groupClass={groupClass}
      value={value}
      choices={quarters.map((q) => ({
        value: q.quarter,
        label: q.closed ? fill(w.closedQuarter, { quarter: periodLabel(q.quarter) }) : periodLabel(q.quarter),
      }))}
      onChange={onChange}
    />
  );
}
