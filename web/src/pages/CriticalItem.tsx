import { useState } from 'preact/hooks';
import type { Api, RemedialAction, ReportBody } from '../api';
import { ErrorMessage, ErrorSummary, type FieldError, Loading, ProblemPage, useFocusHeading } from '../components';
import { setFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { navigate } from '../router';
import { formatDate, formatDateTime, periodLabel } from '../words';

// EMT's remedial action for one critical item (PUT …/remedial-action); the item comes
// from the quarter's report, live or frozen, so the page works before and after close.
// After close it shows what the EMT email said (the frozen item) beside the remedial
// action now; before, that nothing was emailed yet and when the close is due.

/** A remedial action in words: the text, then its owner and due date when given. */
function remedialWords(action: RemedialAction | null | undefined): string {
  if (!action) return 'Remedial action needed';
  const extra = [
    action.owner && `owner: ${action.owner}`,
    action.dueDate && `due ${formatDate(action.dueDate)}`,
  ].filter(Boolean);
  return extra.length > 0 ? `${action.text} (${extra.join(', ')})` : action.text;
}

function WhatTheEmailSaid({ report, item }: { report: ReportBody; item: ReportBody['criticalItems'][number] }) {
  if (!report.closed)
    return (
      <div class="govuk-inset-text" id="email-state">
        Not emailed yet: EMT get this item in the email when {periodLabel(report.quarter)} closes
        {report.closeDue ? `, due ${formatDateTime(report.closeDue)}` : ''}.
      </div>
    );
  const row = (key: string, value: string) => (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{key}</dt>
      <dd class="govuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="what-the-email-said">
      <h2 class="govuk-heading-m" id="what-the-email-said">
        What the email said
      </h2>
      <p class="govuk-body" id="email-state">
        {report.emailedAt
          ? `Emailed to EMT on ${formatDateTime(report.emailedAt)}${report.revision && report.revision > 1 ? ` (reissue ${report.revision - 1})` : ''}.`
          : `${periodLabel(report.quarter)} is closed; its email has not been sent yet.`}
      </p>
      <dl class="govuk-summary-list">
        {row('Issue', item.issue)}
        {row('Remedial action in the email', remedialWords(item.emailedRemedialAction))}
        {row('Remedial action now', remedialWords(item.remedialAction))}
      </dl>
    </section>
  );
}

/** `YYYY-MM-DD` from the date input's three fields, or an error naming the field to fix. */
function dueDate(day: string, month: string, year: string): { date?: string; error?: FieldError } {
  if (!day.trim() && !month.trim() && !year.trim()) return {};
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!/^\d{1,2}$/.test(d)) return { error: { field: 'due-date-day', message: 'Due date must include a day' } };
  if (!/^\d{1,2}$/.test(m)) return { error: { field: 'due-date-month', message: 'Due date must include a month' } };
  if (!/^\d{4}$/.test(y)) return { error: { field: 'due-date-year', message: 'Year must include 4 numbers' } };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return { error: { field: 'due-date-day', message: 'Due date must be a real date' } };
  return { date: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` };
}

const fieldOf = (path: string) =>
  path.startsWith('/owner') ? 'owner' : path.startsWith('/dueDate') ? 'due-date-day' : 'remedial-action';

export function CriticalItem({ api, quarter, itemId }: { api: Api; quarter: string; itemId: string }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [day, setDay] = useState('');
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const report = useData(
    () =>
      api.report(quarter).then((a) => {
        const action = a.ok ? a.data.criticalItems.find((i) => i.id === itemId)?.remedialAction : null;
        if (action) {
          setText(action.text);
          setOwner(action.owner ?? '');
          const [y, m, d] = action.dueDate?.split('-') ?? ['', '', ''];
          setYear(y ?? '');
          setMonth(m ?? '');
          setDay(d ?? '');
        }
        return a;
      }),
    [api, quarter, itemId],
  );
  const item = report.data?.criticalItems.find((i) => i.id === itemId);
  const heading = useFocusHeading(item !== undefined, item?.title ?? 'Critical item');
  if (report.failed)
    return <ProblemPage title="Sorry, there is a problem" detail={report.failed.problem.detail ?? ''} />;
  if (!report.data) return <Loading />;
  if (!item)
    return <ProblemPage title="Page not found" detail={`${periodLabel(quarter)} has no critical item ${itemId}.`} />;

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const dateError = errors.find((e) => e.field.startsWith('due-date'))?.message;
  const save = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!text.trim()) found.push({ field: 'remedial-action', message: 'Enter the remedial action' });
    const due = dueDate(day, month, year);
    if (due.error) found.push(due.error);
    setErrors(found);
    if (found.length > 0) return;
    setSaving(true);
    const answer = await api.putRemedialAction(quarter, itemId, {
      text: text.trim(),
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      ...(due.date ? { dueDate: due.date } : {}),
    });
    setSaving(false);
    if (answer.ok) {
      setFlash(`Remedial action saved for ${item.title}`);
      navigate(`/app/dashboard?quarter=${encodeURIComponent(quarter)}`);
      return;
    }
    setErrors(
      answer.problem.errors?.length
        ? answer.problem.errors.map((e) => ({ field: fieldOf(e.path), message: e.message }))
        : [{ field: 'remedial-action', message: answer.problem.detail ?? 'The remedial action could not be saved' }],
    );
  };
  const dateClass = (field: string) =>
    `govuk-input govuk-date-input__input${field === 'year' ? ' govuk-input--width-4' : ' govuk-input--width-2'}${dateError ? ' govuk-input--error' : ''}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">Critical item, {periodLabel(quarter)}</span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {item.title}
      </h1>
      <p class="govuk-body">
        <strong>Issue:</strong> {item.issue}
      </p>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Programme</dt>
          <dd class="govuk-summary-list__value">{item.programme}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Directorate</dt>
          <dd class="govuk-summary-list__value">{item.ownerDirectorate}</dd>
        </div>
      </dl>
      <WhatTheEmailSaid report={report.data} item={item} />
      <form onSubmit={save} noValidate>
        <div class={`govuk-form-group${errorFor('remedial-action') ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--s" for="remedial-action">
            Remedial action
          </label>
          <ErrorMessage id="remedial-action" message={errorFor('remedial-action')} />
          <textarea
            class={`govuk-textarea${errorFor('remedial-action') ? ' govuk-textarea--error' : ''}`}
            id="remedial-action"
            name="remedialAction"
            rows={5}
            value={text}
            aria-describedby={errorFor('remedial-action') ? 'remedial-action-error' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <div class={`govuk-form-group${errorFor('owner') ? ' govuk-form-group--error' : ''}`}>
          <label class="govuk-label govuk-label--s" for="owner">
            Owner
          </label>
          <ErrorMessage id="owner" message={errorFor('owner')} />
          <input
            class={`govuk-input govuk-!-width-two-thirds${errorFor('owner') ? ' govuk-input--error' : ''}`}
            id="owner"
            name="owner"
            type="text"
            autocomplete="name"
            value={owner}
            aria-describedby={errorFor('owner') ? 'owner-error' : undefined}
            onInput={(e) => setOwner(e.currentTarget.value)}
          />
        </div>
        <div class={`govuk-form-group${dateError ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset" aria-describedby={`due-date-hint${dateError ? ' due-date-error' : ''}`}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Due date</legend>
            <div id="due-date-hint" class="govuk-hint">
              For example, 30 6 2018
            </div>
            <ErrorMessage id="due-date" message={dateError} />
            <div class="govuk-date-input" id="due-date">
              {(
                [
                  ['day', 'Day', day, setDay],
                  ['month', 'Month', month, setMonth],
                  ['year', 'Year', year, setYear],
                ] as const
              ).map(([name, label, value, set]) => (
                <div class="govuk-date-input__item" key={name}>
                  <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for={`due-date-${name}`}>
                      {label}
                    </label>
                    <input
                      class={dateClass(name)}
                      id={`due-date-${name}`}
                      name={`dueDate-${name}`}
                      type="text"
                      inputMode="numeric"
                      value={value}
                      onInput={(e) => set(e.currentTarget.value)}
                    />
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" class="govuk-button" disabled={saving}>
          Save
        </button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/dashboard?quarter=${encodeURIComponent(quarter)}`}>
          Back to the dashboard
        </a>
      </p>
    </>
  );
}
