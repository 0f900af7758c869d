import { useState } from 'preact/hooks';
import type { Api, Me, SignOffs as SignOffList } from '../api';
import {
  ErrorSummary,
  type FieldError,
  Loading,
  ProblemPage,
  QuarterSelect,
  Select,
  StatusTag,
  SuccessBanner,
  TextArea,
  useFocusHeading,
} from '../components';
import { Who } from '../components/who';
import { useData } from '../hooks/use-data';
import { navigate } from '../router';
import { formatDateTime, formatNumber, periodLabel } from '../words';

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

  const loaded = useData(() => api.signOffs({ quarter, directorate }), [api, quarter, directorate]);
  const load = loaded.reload;
  const heading = useFocusHeading(loaded.data !== undefined, 'Awaiting sign-off');
  if (loaded.failed)
    return <ProblemPage title="Sorry, there is a problem" detail={loaded.failed.problem.detail ?? ''} />;
  if (!loaded.data) return <Loading />;
  const list = loaded.data;

  const decide = async (event: Event, item: Item, decision: 'approve' | 'return') => {
    event.preventDefault();
    if (busy) return;
    const key = keyOf(item);
    const reason = (reasons[key] ?? '').trim();
    if (decision === 'return' && !reason) {
      setDone(null);
      setErrors([{ field: reasonId(item), message: `Enter a reason for returning ${item.title}` }]);
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
        message:
          decision === 'approve'
            ? `Approved: ${item.title}, ${periodLabel(item.period)}. It now counts in the report.`
            : `Returned: ${item.title}, ${periodLabel(item.period)}. Its submitter has been told the reason.`,
      }));
      loaded.set({ ...list, items: list.items.filter((i) => keyOf(i) !== key) });
      return;
    }
    if (decided.status === 412 || decided.status === 409) {
      // Someone changed or decided on the return meanwhile: show the list as it is now, keeping what was typed.
      setErrors([]);
      setDone(null);
      await load();
      setNotice(
        decided.status === 412
          ? `${item.title} was changed by someone else meanwhile. The list now shows its latest version: check it before you decide.`
          : `Someone else decided on ${item.title} meanwhile. The list now shows what still awaits a decision.`,
      );
      return;
    }
    setDone(null);
    setErrors([{ field: reasonId(item), message: decided.problem.detail ?? 'The decision was refused.' }]);
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
      <span class="govuk-caption-l">
        {list.directorate ?? 'Every directorate'}
        {list.quarter ? `, ${periodLabel(list.quarter)}` : ''}
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        Awaiting sign-off
      </h1>
      {notice && (
        <div class="govuk-notification-banner" role="alert" aria-labelledby="notice-title">
          <div class="govuk-notification-banner__header">
            <h2 class="govuk-notification-banner__title" id="notice-title">
              Important
            </h2>
          </div>
          <div class="govuk-notification-banner__content">
            <p class="govuk-notification-banner__heading">{notice}</p>
          </div>
        </div>
      )}
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
            label="Directorate"
            groupClass="govuk-!-margin-bottom-3"
            value={chosen.directorate ?? directorate ?? ''}
            empty="Every directorate"
            choices={me.directorates.map((d) => ({ value: d, label: d }))}
            onChange={(value) => setChosen({ ...chosen, directorate: value })}
          />
        )}
        <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          Show returns
        </button>
      </form>
      {list.items.length === 0 ? (
        <p class="govuk-body">Nothing is awaiting your sign-off.</p>
      ) : (
        <>
          <p class="govuk-body">
            {list.items.length === 1 ? '1 return awaits' : `${list.items.length} returns await`} a decision. Approve a
            return to make it count in the report, or return it to its submitter with a reason.
          </p>
          {list.items.map((item) => {
            const key = keyOf(item);
            const id = reasonId(item);
            return (
              <section class="app-sign-off govuk-!-margin-bottom-8" key={key} aria-labelledby={`${id}-title`}>
                <h2 class="govuk-heading-m" id={`${id}-title`}>
                  <a class="govuk-link" href={href(item)}>
                    {item.title}
                  </a>
                </h2>
                <dl class="govuk-summary-list">
                  <Row label={item.kind === 'measure' ? 'Period' : 'Quarter'}>{periodLabel(item.period)}</Row>
                  {item.kind === 'measure' ? (
                    <>
                      <Row label="Value">{formatNumber(item.value)}</Row>
                      <Row label="Status if approved">{item.status ? <StatusTag status={item.status} /> : ''}</Row>
                    </>
                  ) : (
                    <Row label="Progress">{item.status ? <StatusTag status={item.status} /> : ''}</Row>
                  )}
                  <Row label="Commentary">{item.commentary ?? 'None'}</Row>
                  <Row label="Submitted">
                    By <Who by={item} /> on {item.at ? formatDateTime(item.at) : 'a date not recorded'} (version{' '}
                    {item.version})
                  </Row>
                </dl>
                <form noValidate onSubmit={(e) => decide(e, item, 'return')}>
                  <TextArea
                    id={id}
                    name="reason"
                    label="Reason"
                    hint="Needed to return it: say what the submitter should correct. They are emailed it."
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
                      Approve
                    </button>
                    <button
                      type="submit"
                      class="govuk-button govuk-button--warning"
                      disabled={busy === key}
                      aria-disabled={busy === key}
                      aria-describedby={`${id}-title`}
                    >
                      Return
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
