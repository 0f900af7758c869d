import { useState } from 'preact/hooks';
import type { Api, Me, SignOffs as SignOffList } from '../api';
import {
  ErrorSummary,
  type FieldError,
  Loading,
  NotificationBanner,
  ProblemPage,
  QuarterSelect,
  Select,
  StatusTag,
  SuccessBanner,
  TextArea,
  useFocusHeading,
} from '../components';
import { ScopeCaption } from '../components/scope-caption';
import { UserText } from '../components/user-text';
import { Who } from '../components/who';
import { useData } from '../hooks/use-data';
import { fill, useWords } from '../i18n';
import { nameChoice } from '../names';
import { navigate } from '../router';
import { valueText } from '../values';
import { formatDateTime, periodLabel } from '../words';

// Awaiting sign-off (approvers and admins, docs/sign-off.md and docs/web-app.md): each
// return awaiting a decision with Approve and Return; a return needs a reason. One request
// opens the page (GET /sign-offs, which also lists the quarters); each decision is one
// more, sent with If-Match naming the version shown, so a newer submission answers 412.

type Item = SignOffList['items'][number];
const keyOf = (item: Pick<Item, 'kind' | 'id' | 'period'>) => `${item.kind}-${item.id}-${item.period}`;
/** The reason field's id: the error summary links to it. */
const reasonId = (item: Item) => `reason-${keyOf(item)}`.replace(/[^A-Za-z0-9_-]/g, '_');

const href = (item: Item) =>
  item.kind === 'measure'
    ? `/app/measures/${encodeURIComponent(item.id)}`
    : `/app/actions/${encodeURIComponent(item.id)}/updates/${encodeURIComponent(item.period)}`;

function Row({ label, children }: { label: string; children: unknown }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{label}</dt>
      <dd class="govuk-summary-list__value">{children as never}</dd>
    </div>
  );
}

export function SignOffs({ api, me, query }: { api: Api; me: Me; query: URLSearchParams }) {
  const quarter = query.get('quarter') ?? undefined;
  const isAdmin = me.roles.includes('admin');
  // Approvers see their own directorate; admins every one, or the one they choose.
  const directorate = isAdmin ? (query.get('directorate') ?? undefined) : (me.directorate ?? undefined);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<{ n: number; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [chosen, setChosen] = useState<{ quarter?: string; directorate?: string }>({});
  const { language, t } = useWords();
  const w = t.admin.signOffs;

  const loaded = useData(() => api.signOffs({ quarter, directorate }), [api, quarter, directorate]);
  const load = loaded.reload;
  const heading = useFocusHeading(loaded.data !== undefined, w.heading);
  if (loaded.failed) return <ProblemPage title={t.problems.problemTitle} detail={loaded.failed.problem.detail ?? ''} />;
  if (!loaded.data) return <Loading />;
  const list = loaded.data;

  const decide = async (event: Event, item: Item, decision: 'approve' | 'return') => {
    event.preventDefault();
    if (busy) return;
    const key = keyOf(item);
    const reason = (reasons[key] ?? '').trim();
    if (decision === 'return' && !reason) {
      setDone(null);
      setErrors([{ field: reasonId(item), message: fill(w.enterReason, { title: item.title }) }]);
      return;
    }
    setBusy(key);
    const decided = await api.signOff(item, { decision, ...(decision === 'return' && { reason }) }, item.version);
    setBusy(null);
    if (decided.ok) {
      setErrors([]);
      setNotice(null);
      setReasons(({ [key]: _gone, ...rest }) => rest);
      setDone((d) => ({
        n: (d?.n ?? 0) + 1,
        message: fill(decision === 'approve' ? w.approved : w.returned, {
          title: item.title,
          period: periodLabel(item.period),
        }),
      }));
      loaded.set({ ...list, items: list.items.filter((i) => keyOf(i) !== key) });
      return;
    }
    if (decided.status === 412 || decided.status === 409) {
      // Someone changed or decided on the return meanwhile: show the list as it is now, keeping what was typed.
      setErrors([]);
      setDone(null);
      await load();
      setNotice(fill(decided.status === 412 ? w.changedMeanwhile : w.decidedMeanwhile, { title: item.title }));
      return;
    }
    setDone(null);
    setErrors([{ field: reasonId(item), message: decided.problem.detail ?? w.refused }]);
  };

  const show = (event: Event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const q = chosen.quarter ?? list.quarter ?? '';
    const d = chosen.directorate ?? directorate ?? '';
    if (q) params.set('quarter', q);
    if (isAdmin && d) params.set('directorate', d);
    navigate(`/app/sign-offs${params.size ? `?${params}` : ''}`);
  };
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <>
      {done && <SuccessBanner key={done.n} id="decided-title" message={done.message} />}
      <ErrorSummary errors={errors} />
      <ScopeCaption directorate={list.directorate} quarter={list.quarter} every={w.everyDirectorate} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.heading}
      </h1>
      {notice && <NotificationBanner id="notice-title" title={w.important} role="alert" heading={notice} />}
      <form class="govuk-!-margin-bottom-6" onSubmit={show} noValidate>
        <QuarterSelect
          groupClass="govuk-!-margin-bottom-3"
          quarters={list.quarters}
          value={chosen.quarter ?? list.quarter ?? ''}
          onChange={(quarter) => setChosen({ ...chosen, quarter })}
        />
        {isAdmin && (
          <Select
            id="directorate"
            label={w.directorate}
            groupClass="govuk-!-margin-bottom-3"
            value={chosen.directorate ?? directorate ?? ''}
            empty={w.everyDirectorate}
            choices={me.directorates.map((d) => nameChoice(language, 'directorate', d))}
            onChange={(value) => setChosen({ ...chosen, directorate: value })}
          />
        )}
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          {w.show}
        </button>
      </form>
      {list.items.length === 0 ? (
        <p class="govuk-body">{w.nothing}</p>
      ) : (
        <>
          <p class="govuk-body">{fill(list.items.length === 1 ? w.awaitOne : w.await, { n: list.items.length })}</p>
          {list.items.map((item) => {
            const key = keyOf(item);
            const id = reasonId(item);
            return (
              <section class="app-sign-off govuk-!-margin-bottom-8" key={key} aria-labelledby={`${id}-title`}>
                <h2 class="govuk-heading-m" id={`${id}-title`}>
                  <a class="govuk-link" href={href(item)}>
                    <UserText en={item.title} cy={item.titleCy} />
                  </a>
                </h2>
                <dl class="govuk-summary-list">
                  <Row label={item.kind === 'measure' ? w.period : w.quarter}>{periodLabel(item.period)}</Row>
                  {item.kind === 'measure' ? (
                    <>
                      <Row label={w.value}>{valueText(item.value, item.unit ?? '')}</Row>
                      <Row label={w.statusIfApproved}>{item.status ? <StatusTag status={item.status} /> : ''}</Row>
                    </>
                  ) : (
                    <Row label={w.progress}>{item.status ? <StatusTag status={item.status} /> : ''}</Row>
                  )}
                  <Row label={w.commentary}>{item.commentary ?? w.none}</Row>
                  <Row label={w.submitted}>
                    {w.by} <Who by={item} />{' '}
                    {fill(w.on, { date: item.at ? formatDateTime(item.at) : w.noDate, version: item.version })}
                  </Row>
                </dl>
                <form noValidate onSubmit={(e) => decide(e, item, 'return')}>
                  <TextArea
                    id={id}
                    name="reason"
                    label={w.reason}
                    hint={w.reasonHint}
                    rows={3}
                    value={reasons[key] ?? ''}
                    error={errorOf(id)}
                    onInput={(value) => setReasons((now) => ({ ...now, [key]: value }))}
                  />
                  <div class="govuk-button-group">
                    <button
                      type="button"
                      class="govuk-button"
                      disabled={busy === key}
                      aria-disabled={busy === key}
                      aria-describedby={`${id}-title`}
                      onClick={(e) => decide(e, item, 'approve')}
                    >
                      {w.approve}
                    </button>
                    <button
                      type="submit"
                      class="govuk-button govuk-button--warning"
                      disabled={busy === key}
                      aria-disabled={busy === key}
                      aria-describedby={`${id}-title`}
                    >
                      {w.return}
                    </button>
                  </div>
                </form>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
