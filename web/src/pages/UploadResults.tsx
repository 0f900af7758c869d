import { useState } from 'preact/hooks';
import { type Api, type ResultsImport, type Returns, xlsxContentType } from '../api';
import {
  ErrorSummary,
  type FieldError,
  FileUpload,
  Loading,
  Select,
  SuccessBanner,
  useFocusHeading,
} from '../components';
import { type DownloadButton, DownloadButtons } from '../components/download-buttons';
import { useData } from '../hooks/use-data';
import { fill, useWords, type WebWords } from '../i18n';
import { periodLabel } from '../words';

type UploadWords = WebWords['forms']['upload'];

/** "1 result uploaded", "16 results and 2 planned work updates uploaded". */
function uploadedWords(counts: ResultsImport, name: string, w: UploadWords): string {
  const results = fill(counts.results === 1 ? w.result : w.results, { n: counts.results });
  const work = fill(counts.plannedWork === 1 ? w.update : w.updates, { n: counts.plannedWork });
  const what = counts.plannedWork === 0 ? results : counts.results === 0 ? work : fill(w.both, { results, work });
  return fill(w.uploaded, { what, name });
}

const isXlsx = (file: File) => /\.xlsx$/i.test(file.name);

/**
 * The quarters open for returns (not closed), and the one to open on: the one asked for
 * (`?quarter=`, from Your returns), else the one Your returns opens on, else the newest open.
 */
function openQuarters(returns: Returns | undefined, asked: string | null) {
  const open = (returns?.quarters ?? []).filter((q) => !q.closed).map((q) => q.quarter);
  const first = [asked, returns?.quarter].find((q) => q && open.includes(q)) ?? open[0];
  return { open, first };
}

/** `Download a template` (SPEC §12): your returns for the quarter, to fill in and upload here. */
function TemplateDownloads({ api, quarter }: { api: Api; quarter?: string }) {
  const w = useWords().t.forms.upload;
  const file = (label: string, format: 'xlsx' | 'csv', kind?: 'results' | 'actions'): DownloadButton => ({
    label,
    name: `template${quarter ? `-${quarter}` : ''}${kind === 'actions' ? '-planned-work' : kind ? '-results' : ''}.${format}`,
    fetch: () => api.resultsTemplate(format, kind, quarter),
  });
  return (
    <section aria-labelledby="template-heading">
      <h2 class="govuk-heading-m" id="template-heading">
        {w.template}
      </h2>
      <p class="govuk-body">{fill(w.templateText, { quarter: quarter ? periodLabel(quarter) : w.currentQuarter })}</p>
      <DownloadButtons
        buttons={[
          file(w.templateXlsx, 'xlsx'),
          file(w.templateResults, 'csv', 'results'),
          file(w.templateWork, 'csv', 'actions'),
        ]}
      />
    </section>
  );
}

export function UploadResults({ api }: { api: Api }) {
  const w = useWords().t.forms.upload;
  // The quarters offered (one request, GET /returns); the one Your returns was showing, when it links here with one.
  const returns = useData(() => api.returns({}), [api]);
  const { open, first } = openQuarters(returns.data, new URLSearchParams(location.search).get('quarter'));
  const [chosen, setChosen] = useState<string | null>(null);
  const quarter = chosen ?? first;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusHeading(true, w.heading);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const input = document.getElementById('results-file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setErrors([{ field: 'results-file', message: w.selectFile }]);
      return;
    }
    setBusy(true);
    const answer = await api.importResults(
      isXlsx(file) ? { xlsx: await file.arrayBuffer() } : { csv: await file.text() },
      quarter,
    );
    setBusy(false);
    if (answer.ok) {
      setErrors([]);
      setDone(uploadedWords(answer.data, file.name, w));
      input.value = '';
      return;
    }
    // Each message already says where, in words ("Line 5: the value is missing").
    const lines = (answer.problem.errors ?? []).map((e) => ({ field: 'results-file', message: e.message }));
    setErrors(lines.length > 0 ? lines : [{ field: 'results-file', message: answer.problem.detail ?? w.refused }]);
  };
  const firstError = errors[0]?.message;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {done && <SuccessBanner key={done} id="upload-title" message={done} />}
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          {w.heading}
        </h1>
        <p class="govuk-body">
          {w.introStart} <code>measureId,period,value,commentary</code> {w.introOr}{' '}
          <code>actionId,quarter,status,commentary</code> {w.introEnd}
        </p>
        {returns.loading ? (
          <Loading />
        ) : open.length > 0 ? (
          <Select
            id="quarter"
            label={w.quarter}
            labelClass="govuk-label--m"
            hint={w.quarterHint}
            value={quarter ?? ''}
            choices={open.map((q) => ({ value: q, label: periodLabel(q) }))}
            onChange={setChosen}
          />
        ) : (
          <p class="govuk-inset-text">{w.noneOpen}</p>
        )}
        <TemplateDownloads api={api} quarter={quarter} />
        <form onSubmit={submit} noValidate>
          <FileUpload
            id="results-file"
            label={w.file}
            labelClass="govuk-label--m"
            hint={w.fileHint}
            accept={`.xlsx,.csv,text/csv,${xlsxContentType}`}
            error={firstError && w.hasProblems}
          />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            {w.upload}
          </button>
        </form>
      </div>
    </div>
  );
}
