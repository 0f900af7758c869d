import { fill } from '../../lambdas/domain/words';
import type { TrendPoint } from './api';
import { useWords } from './i18n';
import { en } from './i18n/en';
import { statusWords } from './words';

// The dashboard's small trend line per measure (docs/web-app.md "Dashboard"): the actuals
// of the last quarters as a line, the target dashed, each point's status by its shape
// (circle green, triangle amber, square red) so that it reads in black and white and
// without colour. Its short text alternative counts the statuses; the row's trend words
// stay the text that says which way the measure is going.

const width = 80;
const height = 20;
const pad = 3;

const targetValue = (t: TrendPoint['target']) => (t === null ? null : typeof t === 'number' ? t : (t.min + t.max) / 2);

function Mark({ x, y, status }: { x: number; y: number; status: string }) {
  const cls = `app-spark__point app-spark__point--${status}`;
  if (status === 'green') return <circle class={cls} cx={x} cy={y} r={2.2} />;
  if (status === 'amber')
    return <polygon class={cls} points={`${x},${y - 2.6} ${x + 2.6},${y + 2} ${x - 2.6},${y + 2}`} />;
  if (status === 'red') return <rect class={cls} x={x - 2.1} y={y - 2.1} width={4.2} height={4.2} />;
  return <circle class={cls} cx={x} cy={y} r={1.2} />;
}

/**
 * "Trend line: 3 GREEN, 2 AMBER, 1 RED, 2 NO DATA": what the shapes show, briefly (no
 * field's label in it, so the page's labels stay unique).
 */
export function sparklineText(points: readonly TrendPoint[], label: string = en.forms.trendLine): string {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${statusWords[status as 'green'] ?? status}`);
  return fill(label, { parts: parts.join(', ') });
}

export function Sparkline({ points }: { points: readonly TrendPoint[] }) {
  const { t } = useWords();
  const values = points.flatMap((p) => [p.actual, targetValue(p.target)]).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (i: number) => pad + (points.length === 1 ? 0 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => (high === low ? height / 2 : pad + (1 - (v - low) / span) * (height - 2 * pad));
  // A gap (no result) breaks the line: each run of consecutive results is its own polyline.
  const runs: string[][] = [[]];
  points.forEach((p, i) => {
    if (p.actual === null) runs.push([]);
    else runs[runs.length - 1]!.push(`${x(i)},${y(p.actual)}`);
  });
  const target = points
    .map((p, i) => [i, targetValue(p.target)] as const)
    .filter(([, v]) => v !== null)
    .map(([i, v]) => `${x(i)},${y(v!)}`)
    .join(' ');
  return (
    <svg
      class="app-spark"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={sparklineText(points, t.forms.trendLine)}
      focusable="false"
    >
      {target && <polyline class="app-spark__target" points={target} />}
      {runs
        .filter((run) => run.length > 1)
        .map((run) => (
          <polyline key={run[0]} class="app-spark__actual" points={run.join(' ')} />
        ))}
      {points.map((p, i) => p.actual !== null && <Mark key={p.quarter} x={x(i)} y={y(p.actual)} status={p.status} />)}
    </svg>
  );
}
