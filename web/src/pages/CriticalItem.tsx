import { useState } from 'preact/hooks';
import type { Api, RemedialAction, ReportBody } from '../api';
import {
  DateInput,
  type DateParts,
  ErrorSummary,
  type FieldError,
  Loading,
  ProblemPage,
  TextArea,
  TextInput,
  useFocusHeading,
} from '../components';
import { datePartsOf, isoDateOf } from '../date-parts';
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

const dueDate = (parts: DateParts) => isoDateOf(parts, 'due-date', 'Due date');

const fieldOf = (path: string) =>
  path.startsWith('/owner') ? 'owner' : path.startsWith('/dueDate') ? 'due-date-day' : 'remedial-action';

export function CriticalItem({ api, quarter, itemId }: { api: Api; quarter: string; itemId: string }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<DateParts>({ day: '', month: '', year: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const report = useData(
    () =>
      api.report(quarter).then((a) => {
        const action = a.ok ? a.data.criticalItems.find((i) => i.id === itemId)?.remedialAction : null;
        if (action) {
          setText(action.text);
          setOwner(action.owner ?? '');
          setDue(datePartsOf(action.dueDate));
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
    const date = dueDate(due);
    if (date.error) found.push(date.error);
    setErrors(found);
    if (found.length > 0) return;
    setSaving(true);
    const answer = await api.putRemedialAction(quarter, itemId, {
      text: text.trim(),
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      ...(date.date ? { dueDate: date.date } : {}),
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
        <TextArea
          id="remedial-action"
          name="remedialAction"
          label="Remedial action"
          labelClass="govuk-label--s"
          rows={5}
          value={text}
          error={errorFor('remedial-action')}
          onInput={setText}
        />
        <TextInput
          id="owner"
          label="Owner"
          labelClass="govuk-label--s"
          width="govuk-!-width-two-thirds"
          autocomplete="name"
          value={owner}
          error={errorFor('owner')}
          onInput={setOwner}
        />
        <DateInput
          id="due-date"
          name="dueDate"
          legend="Due date"
          hint="For example, 30 6 2018"
          value={due}
          error={dateError}
          onChange={setDue}
        />
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
