import type { MeasureDetail } from '../api';
import { fill, useWords, type WebWords } from '../i18n';
import { valueText } from '../values';
import { formatNumber, periodLabel, statusWords } from '../words';

// A measure's last 8 quarters as a chart, its points' statuses by shape and a sentence that
// says the trend in words (the measure page, docs/web-app.md).

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
