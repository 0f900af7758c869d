import type { BarGroup } from '../dashboard-view';
import { countedStatuses } from '../dashboard-view';
import { useWords } from '../i18n';
import type { NameKind } from '../names';
import { statusWords } from '../words';
import { barSegments } from './bar-maths';
import { StatusTag } from './index';
import { Table } from './table';
import { Name } from './user-text';

// Status counts per programme or directorate as stacked bars (docs/web-app.md "Dashboard"):
// hand-written SVG with no viewBox, so nothing is scaled and its text is the size the CSS
// gives it at every width (the earlier chart's labels shrank to 7 px on a phone). Each
// segment's share is the domain's whole percentage (bar-maths.ts); each is labelled with
// its count and word beside the bar (and its count inside, where there is room), and the
// same numbers are a table behind it for screen readers and for the tests' report facts.

const barHeight = 28;

function Bar({ group }: { group: BarGroup }) {
  const segments = barSegments(group.counts);
  return (
    <svg class="app-bars__svg" width="100%" height={barHeight} focusable="false" aria-hidden="true">
      {segments.map((s) => (
        <g key={s.status}>
          <rect
            class={`app-bars__segment app-bars__segment--${s.status}`}
            x={`${s.start}%`}
            y={0}
            width={`${s.percent}%`}
            height={barHeight}
          />
          {s.countInside && (
            <text
              class={`app-bars__count app-bars__count--${s.status}`}
              x={`${s.start + s.percent / 2}%`}
              y={barHeight / 2}
              dy="0.35em"
              text-anchor="middle"
            >
              {s.count}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

export function StackedBars({
  id,
  heading,
  caption,
  groupLabel,
  groups,
  kind,
}: {
  id: string;
  /** What each group is: a programme or a directorate (named in the language shown). */
  kind: NameKind;
  /** The section's heading: `Measures by programme`. */
  heading: string;
  /** The table's caption (`Programmes`). */
  caption: string;
  /** The table's first column (`Programme`). */
  groupLabel: string;
  groups: BarGroup[];
}) {
  const w = useWords().t.dashboard;
  return (
    // Not a named region: its words (`Measures by directorate`) would then name it, and a
    // search by label for the `Directorate` filter would find it too.
    <section class="app-bars">
      <h2 class="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {groups.length === 0 ? (
        <p class="govuk-body app-empty">{w.noMeasuresMatch}</p>
      ) : (
        <>
          {/* The picture; the table below says the same to a screen reader. */}
          <ul class="app-bars__list" aria-hidden="true">
            {groups.map((g) => (
              <li class="app-bars__group" key={g.name}>
                <p class="app-bars__name">
                  <span>
                    <Name kind={kind} of={g.name} />
                  </span>{' '}
                  <StatusTag status={g.overall} />
                </p>
                <Bar group={g} />
                <p class="app-bars__key">
                  {g.counts
                    .filter((c) => c.count > 0)
                    .map((c) => (
                      <span class="app-bars__label" key={c.status}>
                        <span class={`app-bars__swatch app-bars__segment--${c.status}`} />
                        {c.count} {statusWords[c.status]}
                      </span>
                    ))}
                </p>
              </li>
            ))}
          </ul>
          {/* Hidden by its wrapper: a table grows to its content whatever width it is given. */}
          <div class="govuk-visually-hidden">
            <Table
              caption={caption}
              captionClass="govuk-table__caption--s"
              wrap={false}
              columns={[
                groupLabel,
                w.overall,
                ...countedStatuses.map((s) => ({ label: statusWords[s], numeric: true as const })),
              ]}
            >
              {groups.map((g) => (
                <tr class="govuk-table__row" key={g.name}>
                  <th scope="row" class="govuk-table__header">
                    <Name kind={kind} of={g.name} />
                  </th>
                  <td class="govuk-table__cell">{statusWords[g.overall]}</td>
                  {g.counts.map((c) => (
                    <td class="govuk-table__cell govuk-table__cell--numeric" key={c.status}>
                      {c.count}
                    </td>
                  ))}
                </tr>
              ))}
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
