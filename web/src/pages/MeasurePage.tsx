import type { ComponentChildren } from 'preact';
import type { Api, MeasureDetail, ResultHistory } from '../api';
import { Loading, ProblemPage, StatusTag, useFocusHeading } from '../components';
import { TableHead } from '../components/table';
import { Who } from '../components/who';
import { useData } from '../hooks/use-data';
import { planName } from '../plan-names';
import { targetText, valueText } from '../values';
import { formatDateTime, formatNumber, frequencyWords, periodLabel, polarityWords, statusWords } from '../words';

// One measure: its definition in words, the last 8 quarters as a chart and as a table,
// and the version history of every period, newest first (docs/web-app.md). Two requests,
// together: GET /measures/{id} and GET /measures/{id}/results.

type Quarter = MeasureDetail['quarters'][number];
type Target = Quarter['target'];

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

function trendSentence(points: Quarter[], polarity: string, unit: string): string {
  const withActual = points.filter((q) => q.actual !== null);
  if (withActual.length < 2) return 'Too few results to show a trend.';
  const first = withActual[0]!;
  const last = withActual[withActual.length - 1]!;
  const change = last.actual! - first.actual!;
  const direction = change === 0 ? 'unchanged' : change > 0 ? 'rose' : 'fell';
  const better =
    change === 0 || polarity === 'within'
      ? ''
      : change > 0 === (polarity === 'higher')
        ? ', an improvement'
        : ', a decline';
  return direction === 'unchanged'
    ? `The actual was unchanged at ${valueText(last.actual, unit)} from ${periodLabel(first.quarter)} to ${periodLabel(last.quarter)}.`
    : `The actual ${direction} from ${valueText(first.actual, unit)} in ${periodLabel(first.quarter)} to ${valueText(last.actual, unit)} in ${periodLabel(last.quarter)}${better}.`;
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
  const description = `${title}, last ${quarters.length} quarters. ${trendSentence(quarters, polarity, unit)} The target line is shown; the table below gives every value.`;
  return (
    <figure class="app-chart">
      <figcaption class="govuk-heading-s">
        {title}: actual and target, last {quarters.length} quarters{unit ? ` (${unit})` : ''}
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
        Solid line: actual (circle GREEN or BLUE, triangle AMBER, square RED, diamond otherwise). Dashed line: target.
      </p>
    </figure>
  );
}

type HistoryVersion = ResultHistory['versions'][number];

/** A version's sign-off in words (docs/sign-off.md); a version saved while sign-off was off counts as approved. */
function signOffWords(v: HistoryVersion, latest: boolean): ComponentChildren {
  const d = v.signOff;
  if (d?.decision === 'approve')
    return (
      <>
        Approved by <Who by={d} />, {formatDateTime(d.at)}
      </>
    );
  if (d?.decision === 'return')
    return (
      <>
        Returned by <Who by={d} />, {formatDateTime(d.at)}. Reason: {d.reason ?? 'none given'}
      </>
    );
  // An amendment of a closed quarter is never submitted: no decision can be taken on a closed quarter.
  if (!v.submitted) return v.amendment ? 'Counted: an amendment after the close' : 'Counted: saved before sign-off';
  return latest ? 'Awaiting sign-off' : 'Replaced before a decision';
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
  return (
    <div class="app-table-wrap">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          Every version of the {periodLabel(period)} result, oldest first
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Version
            </th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">
              Value
            </th>
            <th scope="col" class="govuk-table__header">
              Commentary
            </th>
            <th scope="col" class="govuk-table__header">
              Who
            </th>
            <th scope="col" class="govuk-table__header">
              When
            </th>
            <th scope="col" class="govuk-table__header">
              Amendment
            </th>
            {withSignOff && (
              <th scope="col" class="govuk-table__header">
                Sign-off
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
              <td class="govuk-table__cell">{v.amendment ? 'Yes' : 'No'}</td>
              {withSignOff && <td class="govuk-table__cell">{signOffWords(v, i === all.length - 1)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MeasurePage({ api, id }: { api: Api; id: string }) {
  const detail = useData(() => api.measure(id), [api, id]);
  // Shown once it comes; the page does not wait for it.
  const history = useData(() => api.measureResults(id), [api, id]);
  const m = detail.data?.measure ?? null;
  const heading = useFocusHeading(m !== null, m?.title ?? 'Measure');
  if (detail.failed)
    return detail.failed.status === 404 ? (
      <ProblemPage title="Page not found" detail={`There is no measure ${id}.`} />
    ) : (
      <ProblemPage title="Sorry, there is a problem" detail={detail.failed.problem.detail ?? ''} />
    );
  if (!detail.data) return <Loading />;
  const d = detail.data;
  const measure = d.measure;
  const quarters = [...d.quarters].sort((p, q) => p.quarter.localeCompare(q.quarter)).slice(-8);
  const latestTarget = quarters.at(-1)?.target ?? null;
  // The Sign-off column only once some version went through sign-off: with it off, nothing of it shows.
  const withSignOff = history.data?.periods.some((p) => p.versions.some((v) => v.submitted || v.signOff)) === true;
  return (
    <>
      <span class="govuk-caption-l">
        {measure.programme}, {measure.ownerDirectorate}
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {measure.title}
      </h1>
      <h2 class="govuk-heading-m">Definition</h2>
      <dl class="govuk-summary-list">
        {(
          [
            ['Plan', planName(measure.plan)],
            ['Programme', measure.programme],
            ['Owner', measure.ownerDirectorate],
            ['Directorates', measure.directorates.join(', ')],
            ['Unit', measure.unit],
            ['Polarity', polarityWords[measure.polarity]],
            ['Frequency', frequencyWords[measure.frequency] ?? measure.frequency],
            ['Latest target', targetText(latestTarget, measure.unit)],
          ] as const
        ).map(([key, value]) => (
          <div class="govuk-summary-list__row" key={key}>
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 class="govuk-heading-m">Trend</h2>
      {quarters.length === 0 ? (
        <p class="govuk-body">No quarter has a result or a target yet.</p>
      ) : (
        <>
          <TrendChart quarters={quarters} unit={measure.unit} polarity={measure.polarity} title={measure.title} />
          <div class="app-table-wrap">
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">The chart’s numbers</caption>
              <TableHead
                columns={['Quarter', { label: 'Actual', numeric: true }, { label: 'Target', numeric: true }, 'Status']}
              />
              <tbody class="govuk-table__body">
                {quarters.map((q) => (
                  <tr class="govuk-table__row" key={q.quarter}>
                    <th scope="row" class="govuk-table__header">
                      {periodLabel(q.quarter)}
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{valueText(q.actual, measure.unit)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{targetText(q.target, measure.unit)}</td>
                    <td class="govuk-table__cell">
                      <StatusTag status={q.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 class="govuk-heading-m">Version history</h2>
      {history.loading ? (
        <Loading />
      ) : history.failed ? (
        <p class="govuk-body">The version history could not be loaded.</p>
      ) : history.data.periods.length === 0 ? (
        <p class="govuk-body">No result has been saved yet.</p>
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
