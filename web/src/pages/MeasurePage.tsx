import type { ComponentChildren } from 'preact';
import type { Api, ResultHistory } from '../api';
import { Loading, ProblemPage, StatusTag, useFocusHeading } from '../components';
import { SummaryList } from '../components/summary-row';
import { StackCell, TableHead, TableScroll } from '../components/table';
import { TrendChart } from '../components/trend-chart';
import { inLanguage, Name, Names, UserText } from '../components/user-text';
import { Who } from '../components/who';
import { useData } from '../hooks/use-data';
import { fill, useWords, type WebWords } from '../i18n';
import { targetText, valueText } from '../values';
import { formatDateTime, frequencyWords, periodLabel, polarityWords } from '../words';

// One measure: its definition in words, the last 8 quarters as a chart and as a table,
// and the version history of every period, newest first (docs/web-app.md). Two requests,
// together: GET /measures/{id} and GET /measures/{id}/results.

type PageWords = WebWords['forms']['measure'];

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
      {/* On a phone its rows stack, each cell after its column's words (.app-stack-table). */}
      <table class="govuk-table app-stack-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          {fill(w.versionsCaption, { period: periodLabel(period) })}
        </caption>
        <TableHead
          columns={[
            w.version,
            { label: t.forms.value, numeric: true },
            t.forms.commentary,
            w.who,
            w.when,
            w.amendment,
            ...(withSignOff ? [w.signOff] : []),
          ]}
        />
        <tbody class="govuk-table__body">
          {versions.map((v, i, all) => (
            <tr class="govuk-table__row" key={v.version}>
              <StackCell label={w.version}>{v.version}</StackCell>
              <StackCell label={t.forms.value} numeric>
                {valueText(v.value, unit)}
              </StackCell>
              <StackCell label={t.forms.commentary}>{v.commentary ?? ''}</StackCell>
              <StackCell label={w.who}>
                <Who by={v} />
              </StackCell>
              <StackCell label={w.when}>{formatDateTime(v.at)}</StackCell>
              <StackCell label={w.amendment}>{v.amendment ? w.yes : w.no}</StackCell>
              {withSignOff && <StackCell label={w.signOff}>{signOffWords(v, i === all.length - 1, w)}</StackCell>}
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
        <Name kind="programme" of={measure.programme} />, <Name kind="directorate" of={measure.ownerDirectorate} />
      </span>
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading} lang={title.lang}>
        {title.text}
      </h1>
      <h2 class="govuk-heading-m">{w.definition}</h2>
      <SummaryList
        rows={[
          [w.plan, <Name key="plan" kind="plan" of={measure.plan} />],
          [w.programme, <Name key="programme" kind="programme" of={measure.programme} />],
          [w.owner, <Name key="owner" kind="directorate" of={measure.ownerDirectorate} />],
          [w.directorates, <Names key="directorates" kind="directorate" of={measure.directorates} />],
          [t.forms.result.unit, <UserText key="unit" en={measure.unit} />],
          [t.forms.result.polarity, polarityWords[measure.polarity]],
          [w.frequency, frequencyWords[measure.frequency] ?? measure.frequency],
          [w.latestTarget, targetText(latestTarget, measure.unit, n)],
        ]}
      />
      <h2 class="govuk-heading-m">{w.trend}</h2>
      {quarters.length === 0 ? (
        <p class="govuk-body">{w.noQuarters}</p>
      ) : (
        <>
          <TrendChart quarters={quarters} unit={measure.unit} polarity={measure.polarity} title={title.text} />
          <TableScroll>
            <table class="govuk-table app-stack-table">
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
                    <StackCell label={w.actual} numeric>
                      {valueText(q.actual, measure.unit)}
                    </StackCell>
                    <StackCell label={t.forms.result.target} numeric>
                      {targetText(q.target, measure.unit, n)}
                    </StackCell>
                    <StackCell label={w.status}>
                      <StatusTag status={q.status} />
                    </StackCell>
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
