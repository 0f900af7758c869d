import type { ComponentChildren } from 'preact';
import type { Api, MeasureDetail, ResultHistory } from '../api';
import { Loading, ProblemPage, StatusTag, useFocusHeading } from '../components';
import { TableHead, TableScroll } from '../components/table';
import { inLanguage, UserText } from '../components/user-text';
import { Who } from '../components/who';
import { useData } from '../hooks/use-data';
import { fill, useWords, type WebWords } from '../i18n';
import { planName } from '../plan-names';
import { targetText, valueText } from '../values';
import { formatDateTime, formatNumber, frequencyWords, periodLabel, polarityWords, statusWords } from '../words';

// One measure: its definition in words, the last 8 quarters as a chart and as a table,
// and the version history of every period, newest first (docs/web-app.md). Two requests,
// together: GET /measures/{id} and GET /measures/{id}/results.

type Quarter = MeasureDetail['quarters'][number];
type Target = Quarter['target'];
type PageWords = WebWords['forms']['measure'];

/** A band's middle stands for it on the chart's target line (the table gives the band). */
const targetPoint = (t: Target) => (t === null ? null : typeof t === 'number' ? t : (t.min + t.max) / 2);

/** The shape that marks a status on the chart, so status never rests on colour alone. */
function Marker({ x, y, status }: { x: number; y: number; status: string }) {
  const cls = `app-chart__point app-chart__point--${status}`;
  if (status === 'green' || status === 'blue') return <circle class={cls} cx={x} cy={y} r={6} />;
  if (status === 'amber') return <polygon class={cls} points={`${x},${y - 7} ${x + 7},${y + 6} ${x - 7},${y + 6}`} />;
  if (status === 'red') return <rect class={cls} x={x - 6} y={y - 6} width={12} height={12} />;
  return <polygon class={cls} points={`${x},${y - 7} ${x + 7},${y} ${x},${y + 7} ${x - 7},${y}`} />;
}

function trendSentence(points: Quarter[], polarity: string, unit: string, w: PageWords): string {
  const withActual = points.filter((q) => q.actual !== null);
  if (withActual.length < 2) return w.tooFew;
  const first = withActual[0]!;
  const last = withActual[withActual.length - 1]!;
  const change = last.actual! - first.actual!;
  const better =
    change === 0 || polarity === 'within' ? '' : change > 0 === (polarity === 'higher') ? w.improvement : w.decline;
  const from = periodLabel(first.quarter);
  const to = periodLabel(last.quarter);
  if (change === 0) return fill(w.unchanged, { value: valueText(last.actual, unit), from, to });
  return fill(change > 0 ? w.rose : w.fell, {
    first: valueText(first.actual, unit),
    from,
    last: valueText(last.actual, unit),
    to,
    better,
  });
}

export function TrendChart({
  quarters,
  unit,
  polarity,
  title,
}: {
  quarters: Quarter[];
  unit: string;
  polarity: string;
  title: string;
}) {
  const { t } = useWords();
  const w = t.forms.measure;
  const width = 640;
  const height = 280;
  const pad = { left: 56, right: 40, top: 28, bottom: 44 };
  const values = quarters.flatMap((q) => [q.actual, targetPoint(q.target)]).filter((v): v is number => v !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const span = high - low || 1;
  const x = (i: number) =>
    pad.left + (quarters.length === 1 ? 0 : (i * (width - pad.left - pad.right)) / (quarters.length - 1));
  const y = (v: number) => pad.top + (1 - (v - low) / span) * (height - pad.top - pad.bottom);
  const line = (pick: (q: Quarter) => number | null) =>
    quarters
      .map((q, i) => [i, pick(q)] as const)
      .filter(([, v]) => v !== null)
      .map(([i, v]) => `${x(i)},${y(v!)}`)
      .join(' ');
  const description = fill(w.chartDescription, {
    title,
    n: quarters.length,
    trend: trendSentence(quarters, polarity, unit, w),
  });
  return (
    <figure class="app-chart">
      <figcaption class="govuk-heading-s">
        {fill(w.chartCaption, { title, n: quarters.length, unit: unit ? ` (${unit})` : '' })}
      </figcaption>
      <svg class="app-chart__svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description}>
        <line class="app-chart__axis" x1={pad.left} y1={y(low)} x2={width - pad.right} y2={y(low)} />
        <text class="app-chart__label" x={pad.left - 8} y={y(high) + 4} text-anchor="end">
          {formatNumber(high)}
        </text>
        <text class="app-chart__label" x={pad.left - 8} y={y(low) + 4} text-anchor="end">
          {formatNumber(low)}
        </text>
        <polyline class="app-chart__target" data-series="target" points={line((q) => targetPoint(q.target))} />
        <polyline class="app-chart__actual" data-series="actual" points={line((q) => q.actual)} />
        {quarters.map((q, i) => (
          <g key={q.quarter}>
            <text class="app-chart__label" x={x(i)} y={height - pad.bottom + 20} text-anchor="middle">
              {periodLabel(q.quarter).replace(/^\d{2}(\d{2})-(\d{2}) /, '$1-$2 ')}
            </text>
            {q.actual !== null && (
              <g data-point={q.quarter}>
                <Marker x={x(i)} y={y(q.actual)} status={q.status} />
                <text class="app-chart__status" x={x(i)} y={y(q.actual) - 12} text-anchor="middle">
                  {statusWords[q.status as 'green'] ?? q.status}
                </text>
              </g>
            )}
          </g>
        ))}
      </svg>
      <p class="govuk-body-s" aria-hidden="true">
        {w.chartKey}
      </p>
    </figure>
  );
}

type HistoryVersion = ResultHistory['versions'][number];

/** A version's sign-off in words (docs/sign-off.md); a version saved while sign-off was off counts as approved. */
function signOffWords(v: HistoryVersion, latest: boolean, w: PageWords): ComponentChildren {
  const d = v.signOff;
  if (d?.decision === 'approve')
    return (
      <>
        {w.approvedBy} <Who by={d} />, {formatDateTime(d.at)}
      </>
    );
  if (d?.decision === 'return')
    return (
      <>
        {w.returnedBy} <Who by={d} />, {formatDateTime(d.at)}. {fill(w.reason, { reason: d.reason ?? w.noneGiven })}
      </>
    );
  // An amendment of a closed quarter is never submitted: no decision can be taken on a closed quarter.
  if (!v.submitted) return v.amendment ? w.countedAmendment : w.countedBefore;
  return latest ? w.awaiting : w.replaced;
}

/** One period's versions, oldest first: value, commentary, who, when, amendment (and sign-off once used). */
function VersionTable({
  period,
  versions,
  withSignOff,
  unit,
}: {
  period: string;
  versions: ResultHistory['versions'];
  withSignOff: boolean;
  unit: string;
}) {
  const { t } = useWords();
  const w = t.forms.measure;
  return (
    <TableScroll>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          {fill(w.versionsCaption, { period: periodLabel(period) })}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {w.version}
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              {t.forms.value}
            </th>
            <th scope="col" class="govuk-table__header">
              {t.forms.commentary}
            </th>
            <th scope="col" class="govuk-table__header">
              {w.who}
            </th>
            <th scope="col" class="govuk-table__header">
              {w.when}
            </th>
            <th scope="col" class="govuk-table__header">
              {w.amendment}
            </th>
            {withSignOff && (
              <th scope="col" class="govuk-table__header">
                {w.signOff}
              </th>
            )}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {versions.map((v, i, all) => (
            <tr class="govuk-table__row" key={v.version}>
              <td class="govuk-table__cell">{v.version}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{valueText(v.value, unit)}</td>
              <td class="govuk-table__cell">{v.commentary ?? ''}</td>
              <td class="govuk-table__cell">
                <Who by={v} />
              </td>
              <td class="govuk-table__cell">{formatDateTime(v.at)}</td>
              <td class="govuk-table__cell">{v.amendment ? w.yes : w.no}</td>
              {withSignOff && <td class="govuk-table__cell">{signOffWords(v, i === all.length - 1, w)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function MeasurePage({ api, id }: { api: Api; id: string }) {
  const { language, t } = useWords();
  const w = t.forms.measure;
  const n = t.forms.number;
  const detail = useData(() => api.measure(id), [api, id]);
  // Shown once it comes; the page does not wait for it.
  const history = useData(() => api.measureResults(id), [api, id]);
  const m = detail.data?.measure ?? null;
  const heading = useFocusHeading(m !== null, m?.title ?? w.heading);
  if (detail.failed)
    return detail.failed.status === 404 ? (
      <ProblemPage title={t.problems.notFoundTitle} detail={fill(w.noSuchMeasure, { id })} />
    ) : (
      <ProblemPage title={t.problems.problemTitle} detail={detail.failed.problem.detail ?? ''} />
    );
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const measure = d.measure;
  const quarters = [...d.quarters].sort((p, q) => p.quarter.localeCompare(q.quarter)).slice(-8);
  const latestTarget = quarters.at(-1)?.target ?? null;
  const title = inLanguage(language, measure.title, measure.titleCy);
  // The Sign-off column only once some version went through sign-off: with it off, nothing of it shows.
  const withSignOff = history.data?.periods.some((p) => p.versions.some((v) => v.submitted || v.signOff)) === true;
  return (
    <>
      <span class="govuk-caption-l">
        <UserText en={measure.programme} />, <UserText en={measure.ownerDirectorate} />
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} lang={title.lang}>
        {title.text}
      </h1>
      <h2 class="govuk-heading-m">{w.definition}</h2>
      <dl class="govuk-summary-list">
        {(
          [
            [w.plan, planName(measure.plan), true],
            [w.programme, measure.programme, true],
            [w.owner, measure.ownerDirectorate, true],
            [w.directorates, measure.directorates.join(', '), true],
            [t.forms.result.unit, measure.unit, true],
            [t.forms.result.polarity, polarityWords[measure.polarity], false],
            [w.frequency, frequencyWords[measure.frequency] ?? measure.frequency, false],
            [w.latestTarget, targetText(latestTarget, measure.unit, n), false],
          ] as const
        ).map(([key, value, users]) => (
          <div class="govuk-summary-list__row" key={key}>
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{users ? <UserText en={value} /> : value}</dd>
          </div>
        ))}
      </dl>
      <h2 class="govuk-heading-m">{w.trend}</h2>
      {quarters.length === 0 ? (
        <p class="govuk-body">{w.noQuarters}</p>
      ) : (
        <>
          <TrendChart quarters={quarters} unit={measure.unit} polarity={measure.polarity} title={title.text} />
          <TableScroll>
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">{w.chartNumbers}</caption>
              <TableHead
                columns={[
                  w.quarter,
                  { label: w.actual, numeric: true },
                  { label: t.forms.result.target, numeric: true },
                  w.status,
                ]}
              />
              <tbody class="govuk-table__body">
                {quarters.map((q) => (
                  <tr class="govuk-table__row" key={q.quarter}>
                    <th scope="row" class="govuk-table__header">
                      {periodLabel(q.quarter)}
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{valueText(q.actual, measure.unit)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">
                      {targetText(q.target, measure.unit, n)}
                    </td>
                    <td class="govuk-table__cell">
                      <StatusTag status={q.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <h2 class="govuk-heading-m">{w.history}</h2>
      {history.loading ? (
        <Loading />
      ) : history.failed ? (
        <p class="govuk-body">{w.historyFailed}</p>
      ) : history.data.periods.length === 0 ? (
        <p class="govuk-body">{w.noHistory}</p>
      ) : (
        history.data.periods.map((p) => (
          <VersionTable
            key={p.period}
            period={p.period}
            versions={p.versions}
            withSignOff={withSignOff}
            unit={measure.unit}
          />
        ))
      )}
    </>
  );
}
