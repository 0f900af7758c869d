import { useMemo, useState } from 'preact/hooks';
import {
  defaultStatusSettings,
  previousQuarter,
  quarterOfPeriod,
  resultStatus,
  sameQuarterLastYear,
  targetFor,
} from '../../../lambdas/domain';
import type { TargetValue } from '../../../lambdas/domain/types';
import type { Api, Problem, ResultVersion } from '../api';
import {
  DecimalInput,
  type FieldError,
  LoadFailedPage,
  Loading,
  ProblemPage,
  SignOffNotice,
  TextArea,
  useFocusHeading,
} from '../components';
import { ConflictPanel } from '../components/conflict';
import { ReturnFormLayout } from '../components/return-form';
import { parseDecimal } from '../decimal';
import { setFlash } from '../flash';
import { latestOf, useReturnForm } from '../hooks/use-return-form';
import { navigate } from '../router';
import { formatNumber, periodLabel, polarityWords, statusWords } from '../words';

const inPeriod = (period: string) => (r: ResultVersion) => r.period === period;

function targetText(target: TargetValue | null, unit: string): string {
  if (target === null) return 'No target (information only)';
  const u = unit ? ` ${unit}` : '';
  return typeof target === 'number'
    ? `${formatNumber(target)}${u}`
    : `Between ${formatNumber(target.min)} and ${formatNumber(target.max)}${u}`;
}

const fieldId = (path: string) => {
  if (path.startsWith('/breakdown/')) return `breakdown-${path.slice('/breakdown/'.length)}`;
  if (path === '/commentary') return 'commentary';
  return 'value';
};

interface Typed {
  value: string;
  commentary: string;
  breakdown: Record<string, string>;
}

export function ResultForm({
  api,
  id,
  period,
  signOff = false,
}: {
  api: Api;
  id: string;
  period: string;
  /** Sign-off is on: the latest version's decision is shown (one more request, only when a version exists). */
  signOff?: boolean;
}) {
  const [typed, setTyped] = useState<Typed>({ value: '', commentary: '', breakdown: {} });
  const form = useReturnForm({
    load: () => api.measure(id),
    latest: (d) => latestOf(d.results, inPeriod(period)),
    history: signOff ? () => api.resultHistory(id, period) : undefined,
    fill: (current) =>
      setTyped({
        value: current ? String(current.value) : '',
        commentary: current?.commentary ?? '',
        breakdown: Object.fromEntries(Object.entries(current?.breakdown ?? {}).map(([k, v]) => [k, String(v)])),
      }),
    deps: [api, id, period],
  });
  const { errors, setErrors, saving, conflict } = form;

  const detail = form.detail.data ?? null;
  const quarter = useMemo(() => {
    try {
      return detail ? quarterOfPeriod(period, detail.measure.frequency) : null;
    } catch {
      return null;
    }
  }, [detail, period]);
  const heading = useFocusHeading(detail !== null && quarter !== null, detail?.measure.title ?? '');

  const failed = form.detail.failed;
  if (failed) return <LoadFailedPage failed={failed} />;
  if (!detail) return <Loading />;
  const { measure, quarters, bands } = detail;
  if (!quarter) return <ProblemPage title="Page not found" detail={`${period} is not a period of this measure.`} />;

  const settings = { ...defaultStatusSettings, ...bands };
  const value = parseDecimal(typed.value);
  // The same code the API runs when the result is saved (lambdas/domain).
  const status = value === null ? null : resultStatus(measure, period, value, settings);
  const actualOf = (q: string) => quarters.find((s) => s.quarter === q)?.actual ?? null;
  const lastQuarter = previousQuarter(quarter);
  const lastYear = sameQuarterLastYear(quarter);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  const refused = (problem: Problem): FieldError[] => {
    const list = (problem.errors ?? []).map((e) => ({
      field: fieldId(e.path),
      message:
        e.path === '/commentary'
          ? 'Enter commentary (required when the result is AMBER or RED)'
          : e.path.startsWith('/breakdown/')
            ? `${e.path.slice('/breakdown/'.length)}: ${e.message}`
            : `Value: ${e.message}`,
    }));
    return list.length > 0 ? list : [{ field: 'value', message: problem.detail ?? 'The result could not be saved.' }];
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const found: FieldError[] = [];
    if (typed.value.trim() === '') found.push({ field: 'value', message: 'Enter a value' });
    else if (value === null) found.push({ field: 'value', message: 'Enter the value as a number, like 85.5' });
    const breakdown: Record<string, number> = {};
    for (const d of measure.directorates) {
      const text = typed.breakdown[d]?.trim() ?? '';
      if (text === '') continue;
      const n = parseDecimal(text);
      if (n === null) found.push({ field: `breakdown-${d}`, message: `Enter ${d}'s value as a number, like 85.5` });
      else breakdown[d] = n;
    }
    if (found.length > 0 || value === null) {
      setErrors(found);
      return;
    }
    const body = {
      value,
      ...(typed.commentary.trim() && { commentary: typed.commentary }),
      ...(Object.keys(breakdown).length > 0 && { breakdown }),
    };
    await form.save((ifMatch) => api.putResult(id, period, body, ifMatch), {
      saved: (data) => {
        setFlash(`Saved ${measure.title}: ${statusWords[data.status]}`);
        navigate(`/app/?quarter=${encodeURIComponent(quarter)}`);
      },
      conflictError: {
        field: 'value',
        message: 'Someone else changed this result while you were editing it. Check both values, then save again.',
      },
      refused,
    });
  };

  const set = (patch: Partial<Typed>) => setTyped((t) => ({ ...t, ...patch }));

  return (
    <ReturnFormLayout
      quarter={quarter}
      errors={errors}
      caption={
        <>
          {measure.programme}, {periodLabel(period)}
        </>
      }
      title={measure.title}
      heading={heading}
    >
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Target</dt>
          <dd class="govuk-summary-list__value">{targetText(targetFor(measure, quarter), measure.unit)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Unit</dt>
          <dd class="govuk-summary-list__value">{measure.unit || 'None'}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Polarity</dt>
          <dd class="govuk-summary-list__value">{polarityWords[measure.polarity]}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Last quarter ({periodLabel(lastQuarter)})</dt>
          <dd class="govuk-summary-list__value">{formatNumber(actualOf(lastQuarter))}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Same quarter last year ({periodLabel(lastYear)})</dt>
          <dd class="govuk-summary-list__value">{formatNumber(actualOf(lastYear))}</dd>
        </div>
      </dl>

      <SignOffNotice signOff={form.signOff} />
      {conflict && (
        <ConflictPanel heading="Someone else changed this result">
          <p class="govuk-body">
            Someone else saved this result while you were editing it. What you typed is kept below: check it, then
            select Save to replace their version with yours.
          </p>
          <table class="govuk-table">
            <caption class="govuk-visually-hidden">Their saved result and what you typed</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <td class="govuk-table__header" />
                <th scope="col" class="govuk-table__header">
                  Saved by someone else
                </th>
                <th scope="col" class="govuk-table__header">
                  What you typed
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  Value
                </th>
                <td class="govuk-table__cell">{formatNumber(conflict.value)}</td>
                <td class="govuk-table__cell">{typed.value}</td>
              </tr>
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  Commentary
                </th>
                <td class="govuk-table__cell">{conflict.commentary ?? ''}</td>
                <td class="govuk-table__cell">{typed.commentary}</td>
              </tr>
            </tbody>
          </table>
        </ConflictPanel>
      )}

      <form onSubmit={save} noValidate>
        <DecimalInput
          id="value"
          label="Value"
          labelClass="govuk-label--m"
          hint={`${measure.unit ? `In ${measure.unit}. ` : ''}A number, like 85.5`}
          width="govuk-input--width-10"
          value={typed.value}
          error={errorFor('value')}
          onInput={(v) => set({ value: v })}
        />
        <p class="app-status-line" id="status-if-saved" aria-live="polite">
          Status if saved: {status ? statusWords[status] : 'enter a value to see it'}
        </p>
        <TextArea
          id="commentary"
          label="Commentary"
          labelClass="govuk-label--m"
          hint="Required when the status is amber or red: why, and what is being done."
          rows={5}
          value={typed.commentary}
          error={errorFor('commentary')}
          onInput={(v) => set({ commentary: v })}
        />
        {measure.directorates.length > 0 && (
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby="breakdown-hint">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Breakdown by directorate</legend>
              <div class="govuk-hint" id="breakdown-hint">
                Optional. Each directorate's own value.
              </div>
              {measure.directorates.map((d) => (
                <DecimalInput
                  key={d}
                  id={`breakdown-${d}`}
                  label={d}
                  width="govuk-input--width-10"
                  value={typed.breakdown[d] ?? ''}
                  error={errorFor(`breakdown-${d}`)}
                  onInput={(v) => set({ breakdown: { ...typed.breakdown, [d]: v } })}
                />
              ))}
            </fieldset>
          </div>
        )}
        <button type="submit" class="govuk-button" disabled={saving} aria-disabled={saving}>
          Save
        </button>
      </form>
    </ReturnFormLayout>
  );
}
