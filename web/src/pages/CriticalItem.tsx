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
  textFieldsOf,
  useFocusHeading,
} from '../components';
import { SummaryRow } from '../components/summary-row';
import { inLanguage, Name, Sentence } from '../components/user-text';
import { datePartsOf, isoDateOf } from '../date-parts';
import { setFlash } from '../flash';
import { useData } from '../hooks/use-data';
import { fill, useWords, type WebWords } from '../i18n';
import { navigate } from '../router';
import { formatDate, formatDateTime, periodLabel } from '../words';

// EMT's remedial action for one critical item (PUT …/remedial-action); the item comes
// from the quarter's report, live or frozen, so the page works before and after close.
// After close it shows what the EMT email said (the frozen item) beside the remedial
// action now; before, that nothing was emailed yet and when the close is due.

type ItemWords = WebWords['criticalItem'];

/** A remedial action in words: the text, then its owner and due date when given. */
function remedialWords(action: RemedialAction | null | undefined, w: ItemWords): string {
  if (!action) return w.remedialActionNeeded;
  const extra = [
    action.owner && fill(w.owner, { owner: action.owner }),
    action.dueDate && fill(w.due, { date: formatDate(action.dueDate) }),
  ].filter(Boolean);
  return extra.length > 0 ? `${action.text} (${extra.join(', ')})` : action.text;
}

function WhatTheEmailSaid({ report, item }: { report: ReportBody; item: ReportBody['criticalItems'][number] }) {
  const { language, t } = useWords();
  const w = t.criticalItem;
  if (!report.closed)
    return (
      <div class="govuk-inset-text" id="email-state">
        {fill(w.notEmailedYet, {
          quarter: periodLabel(report.quarter),
          due: report.closeDue ? fill(w.closeDue, { date: formatDateTime(report.closeDue) }) : '',
        })}
      </div>
    );
  const issue = inLanguage(language, item.issue, item.issueCy);
  return (
    <section aria-labelledby="what-the-email-said">
      <h2 class="govuk-heading-m" id="what-the-email-said">
        {w.whatTheEmailSaid}
      </h2>
      <p class="govuk-body" id="email-state">
        {report.emailedAt
          ? fill(w.emailedOn, {
              date: formatDateTime(report.emailedAt),
              reissue: report.revision && report.revision > 1 ? fill(w.reissue, { n: report.revision - 1 }) : '',
            })
          : fill(w.notSentYet, { quarter: periodLabel(report.quarter) })}
      </p>
      <dl class="govuk-summary-list">
        <SummaryRow label={w.issue} lang={issue.lang}>
          {issue.text}
        </SummaryRow>
        <SummaryRow label={w.inTheEmail}>{remedialWords(item.emailedRemedialAction, w)}</SummaryRow>
        <SummaryRow label={w.now}>{remedialWords(item.remedialAction, w)}</SummaryRow>
      </dl>
    </section>
  );
}

const fieldOf = (path: string) =>
  path.startsWith('/owner') ? 'owner' : path.startsWith('/dueDate') ? 'due-date-day' : 'remedial-action';

export function CriticalItem({ api, quarter, itemId }: { api: Api; quarter: string; itemId: string }) {
  const { language, t } = useWords();
  const w = t.criticalItem;
  const [typed, setTyped] = useState({ text: '', owner: '' });
  const { text, owner } = typed;
  const [due, setDue] = useState<DateParts>({ day: '', month: '', year: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const report = useData(
    () =>
      api.report(quarter).then((a) => {
        const action = a.ok ? a.data.criticalItems.find((i) => i.id === itemId)?.remedialAction : null;
        if (action) {
          setTyped({ text: action.text, owner: action.owner ?? '' });
          setDue(datePartsOf(action.dueDate));
        }
        return a;
      }),
    [api, quarter, itemId],
  );
  const item = report.data?.criticalItems.find((i) => i.id === itemId);
  const title = item ? inLanguage(language, item.title, item.titleCy) : undefined;
  const heading = useFocusHeading(item !== undefined, title?.text ?? w.heading);
  if (report.failed) return <ProblemPage title={t.problems.problemTitle} detail={report.failed.problem.detail ?? ''} />;
  if (!report.data) return <Loading />;
  if (!item || !title)
    return (
      <ProblemPage
        title={t.problems.notFoundTitle}
        detail={fill(w.noSuchItem, { quarter: periodLabel(quarter), id: itemId })}
      />
    );
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const field = textFieldsOf(typed, errorFor, (patch) => setTyped((now) => ({ ...now, ...patch })));
  const dateError = errors.find((e) => e.field.startsWith('due-date'))?.message;
  const save = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!text.trim()) found.push({ field: 'remedial-action', message: w.enterRemedialAction });
    const date = isoDateOf(due, 'due-date', w.dueDate, t.date);
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
      setFlash(fill(w.saved, { title: title.text }));
      navigate(`/app/dashboard?quarter=${encodeURIComponent(quarter)}`);
      return;
    }
    setErrors(
      answer.problem.errors?.length
        ? answer.problem.errors.map((e) => ({ field: fieldOf(e.path), message: e.message }))
        : [{ field: 'remedial-action', message: answer.problem.detail ?? w.notSaved }],
    );
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{fill(w.caption, { quarter: periodLabel(quarter) })}</span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} lang={title.lang}>
        {title.text}
      </h1>
      <p class="govuk-body">
        <strong>{w.issueLabel}</strong> <Sentence en={item.issue} cy={item.issueCy} />
      </p>
      <dl class="govuk-summary-list">
        <SummaryRow label={w.programme}>
          <Name kind="programme" of={item.programme} />
        </SummaryRow>
        <SummaryRow label={w.directorate}>
          <Name kind="directorate" of={item.ownerDirectorate} />
        </SummaryRow>
      </dl>
      <WhatTheEmailSaid report={report.data} item={item} />
      <form onSubmit={save} noValidate>
        <TextArea
          {...field('text', 'remedial-action')}
          name="remedialAction"
          label={w.remedialAction}
          labelClass="govuk-label--s"
          rows={5}
        />
        <TextInput
          {...field('owner')}
          label={w.ownerLabel}
          labelClass="govuk-label--s"
          width="govuk-!-width-two-thirds"
          autocomplete="name"
        />
        <DateInput
          id="due-date"
          name="dueDate"
          legend={w.dueDate}
          hint={w.dueDateHint}
          value={due}
          error={dateError}
          onChange={setDue}
        />
        <button type="submit" class="govuk-button" disabled={saving}>
          {w.save}
        </button>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={`/app/dashboard?quarter=${encodeURIComponent(quarter)}`}>
          {w.back}
        </a>
      </p>
    </>
  );
}
