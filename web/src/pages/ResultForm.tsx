import { useMemo, useState } from 'preact/hooks';
import {
  defaultStatusSettings,
  previousQuarter,
  quarterOfPeriod,
  resultStatus,
  sameQuarterLastYear,
  targetFor,
} from '../../../lambdas/domain';
import type { Problem, ResultVersion } from '../api';
import { DecimalInput, type FieldError, LoadFailedPage, Loading, ProblemPage, useFocusHeading } from '../components';
import { closedAtOf } from '../components/closed-quarter';
import { CommentaryField, commentaryProblem, commentaryRefusal } from '../components/commentary-field';
import { ResultConflict } from '../components/result-conflict';
import { FormOrSavedReturn, ReturnFormLayout, type ReturnFormProps, useBackAfterSave } from '../components/return-form';
import { SummaryList } from '../components/summary-row';
import { Name } from '../components/user-text';
import { readValue } from '../decimal';
import { latestOf, useReturnForm } from '../hooks/use-return-form';
import { useUnsavedChanges } from '../hooks/use-unsaved-changes';
import { fill, useWords } from '../i18n';
import { targetText, valueText } from '../values';
import { periodLabel, polarityWords, statusWords } from '../words';

const inPeriod = (period: string) => (r: ResultVersion) => r.period === period;

/** The quarter a period files under, to ask whether it is closed (the measure's frequency is not known yet). */
const quarterAsked = (period: string): string | undefined => {
  try {
    return quarterOfPeriod(period);
  } catch {
    return undefined;
  }
};

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

export function ResultForm({ api, id, period, signOff = false, admin = false }: ReturnFormProps & { period: string }) {
  const { t, language } = useWords();
  const f = t.forms;
  const w = f.result;
  const [typed, setTyped] = useState<Typed>({ value: '', commentary: '', breakdown: {} });
  // Typed since the form was filled: leaving asks first.
  const [touched, setTouched] = useState(false);
  const unsaved = useUnsavedChanges(touched);
  const back = useBackAfterSave(unsaved);
  const form = useReturnForm({
    load: () => api.measure(id, quarterAsked(period)),
    latest: (d) => latestOf(d.results, inPeriod(period)),
    history: signOff ? () => api.resultHistory(id, period) : undefined,
    fill: (current) => {
      setTouched(false);
      setTyped({
        value: current ? String(current.value) : '',
        commentary: current?.commentary ?? '',
        breakdown: Object.fromEntries(Object.entries(current?.breakdown ?? {}).map(([k, v]) => [k, String(v)])),
      });
    },
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
  if (!quarter) return <ProblemPage title={t.problems.notFoundTitle} detail={fill(w.notAPeriod, { period })} />;

  const settings = { ...defaultStatusSettings, ...bands };
  const read = readValue(typed.value, measure, undefined, f.number, language);
  const value = 'value' in read ? read.value : null;
  // The same code the API runs when the result is saved (lambdas/domain).
  const status = value === null ? null : resultStatus(measure, period, value, settings);
  const actualOf = (q: string) => quarters.find((s) => s.quarter === q)?.actual ?? null;
  const lastQuarter = previousQuarter(quarter);
  const lastYear = sameQuarterLastYear(quarter);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const closedAt = closedAtOf(detail.closedQuarters, quarter);
  const unit = measure.unit;

  const refused = (problem: Problem): FieldError[] => {
    const list = (problem.errors ?? []).map((e) => ({
      field: fieldId(e.path),
      message:
        e.path === '/commentary'
          ? commentaryRefusal(e.message, w.commentaryRequired, f)
          : e.path.startsWith('/breakdown/')
            ? `${e.path.slice('/breakdown/'.length)}: ${e.message}`
            : fill(w.valueRefused, { message: e.message }),
    }));
    return list.length > 0 ? list : [{ field: 'value', message: problem.detail ?? w.notSaved }];
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const found: FieldError[] = [];
    if ('empty' in read) found.push({ field: 'value', message: w.enterValue });
    else if ('problem' in read) found.push({ field: 'value', message: read.problem });
    const breakdown: Record<string, number> = {};
    for (const d of measure.directorates) {
      const one = readValue(
        typed.breakdown[d] ?? '',
        measure,
        fill(f.number.directorateValue, { directorate: d }),
        f.number,
        language,
      );
      // Said of the directorate: "Place: Use a full stop for decimals, like 12.5".
      const message = 'problem' in one && (one.problem.includes(d) ? one.problem : `${d}: ${one.problem}`);
      if (message) found.push({ field: `breakdown-${d}`, message });
      else if ('value' in one) breakdown[d] = one.value;
    }
    const tooLong = commentaryProblem(typed.commentary, f);
    if (tooLong) found.push({ field: 'commentary', message: tooLong });
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
      saved: (data) =>
        back({
          title: measure,
          status: statusWords[data.status],
          amendment: !!closedAt,
          quarter,
          signOff,
          directorate: measure.ownerDirectorate,
        }),
      conflictError: { field: 'value', message: w.conflict },
      refused,
    });
  };

  const set = (patch: Partial<Typed>) => {
    setTouched(true);
    setTyped((t) => ({ ...t, ...patch }));
  };
  const saved = latestOf(detail.results, inPeriod(period));

  return (
    <ReturnFormLayout
      quarter={quarter}
      errors={errors}
      caption={
        <>
          <Name kind="programme" of={measure.programme} />, {periodLabel(period)}
        </>
      }
      title={measure.title}
      titleCy={measure.titleCy}
      heading={heading}
      closedAt={closedAt}
      admin={admin}
    >
      <SummaryList
        rows={[
          [w.target, targetText(targetFor(measure, quarter), unit, f.number, w.noTarget)],
          [w.unit, unit || f.none],
          [w.polarity, polarityWords[measure.polarity]],
          [fill(w.lastQuarter, { quarter: periodLabel(lastQuarter) }), valueText(actualOf(lastQuarter), unit)],
          [fill(w.lastYear, { quarter: periodLabel(lastYear) }), valueText(actualOf(lastYear), unit)],
        ]}
      />

      <FormOrSavedReturn
        closedAt={closedAt}
        admin={admin}
        form={form}
        saved={{
          heading: fill(w.savedFor, { period: periodLabel(period) }),
          nothing: w.nothingSaved,
          rows: saved && [
            [f.value, valueText(saved.value, unit)],
            [f.commentary, saved.commentary || f.none],
            ...Object.entries(saved.breakdown ?? {}).map(([d, v]): [string, string] => [d, valueText(v, unit)]),
          ],
        }}
        conflict={conflict && <ResultConflict theirs={conflict} typed={typed} unit={unit} />}
        onSubmit={save}
      >
        <DecimalInput
          id="value"
          label={f.value}
          labelClass="govuk-label--m"
          hint={unit ? fill(w.valueHintUnit, { unit }) : w.valueHint}
          width="govuk-input--width-10"
          value={typed.value}
          error={errorFor('value')}
          onInput={(v) => set({ value: v })}
        />
        <p class="app-status-line" id="status-if-saved" aria-live="polite">
          {fill(w.statusIfSaved, { status: status ? statusWords[status] : w.statusUnknown })}
        </p>
        <CommentaryField
          hint={w.commentaryHint}
          value={typed.commentary}
          error={errorFor('commentary')}
          onInput={(v) => set({ commentary: v })}
        />
        {measure.directorates.length > 0 && (
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset" aria-describedby="breakdown-hint">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{w.breakdown}</legend>
              <div class="govuk-hint" id="breakdown-hint">
                {w.breakdownHint}
              </div>
              {measure.directorates.map((d) => (
                <DecimalInput
                  key={d}
                  id={`breakdown-${d}`}
                  label={<Name kind="directorate" of={d} />}
                  width="govuk-input--width-10"
                  value={typed.breakdown[d] ?? ''}
                  error={errorFor(`breakdown-${d}`)}
                  onInput={(v) => set({ breakdown: { ...typed.breakdown, [d]: v } })}
                />
              ))}
            </fieldset>
          </div>
        )}
      </FormOrSavedReturn>
    </ReturnFormLayout>
  );
}
