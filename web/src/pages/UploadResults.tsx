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
import { periodLabel } from '../words';

/** "1 result uploaded", "16 results and 2 planned work updates uploaded". */
function uploadedWords(counts: ResultsImport, name: string): string {
  const results = `${counts.results} ${counts.results === 1 ? 'result' : 'results'}`;
  const work = `${counts.plannedWork} planned work ${counts.plannedWork === 1 ? 'update' : 'updates'}`;
  const what = counts.plannedWork === 0 ? results : counts.results === 0 ? work : `${results} and ${work}`;
  return `${what} uploaded from ${name}.`;
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
  const file = (label: string, format: 'xlsx' | 'csv', kind?: 'results' | 'actions'): DownloadButton => ({
    label,
    name: `template${quarter ? `-${quarter}` : ''}${kind === 'actions' ? '-planned-work' : kind ? '-results' : ''}.${format}`,
    fetch: () => api.resultsTemplate(format, kind, quarter),
  });
  return (
    <section aria-labelledby="template-heading">
      <h2 class="govuk-heading-m" id="template-heading">
        Download a template
      </h2>
      <p class="govuk-body">
        Your measures and planned work for {quarter ? periodLabel(quarter) : 'the current quarter'}, with their ids,
        titles, targets and last values filled in. The spreadsheet has a Notes sheet that explains each column.
      </p>
      <DownloadButtons
        buttons={[
          file('Download a template (Excel)', 'xlsx'),
          file('Results template (CSV)', 'csv', 'results'),
          file('Planned work template (CSV)', 'csv', 'actions'),
        ]}
      />
    </section>
  );
}

export function UploadResults({ api }: { api: Api }) {
  // The quarters offered (one request, GET /returns); the one Your returns was showing, when it links here with one.
  const returns = useData(() => api.returns({}), [api]);
  const { open, first } = openQuarters(returns.data, new URLSearchParams(location.search).get('quarter'));
  const [chosen, setChosen] = useState<string | null>(null);
  const quarter = chosen ?? first;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useFocusHeading(true, 'Upload results');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const input = document.getElementById('results-file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setErrors([{ field: 'results-file', message: 'Select a results file' }]);
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
      setDone(uploadedWords(answer.data, file.name));
      input.value = '';
      return;
    }
    // Each message already says where, in words ("Line 5: the value is missing").
    const lines = (answer.problem.errors ?? []).map((e) => ({ field: 'results-file', message: e.message }));
    setErrors(
      lines.length > 0 ? lines : [{ field: 'results-file', message: answer.problem.detail ?? 'The file was refused.' }],
    );
  };
  const firstError = errors[0]?.message;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {done && <SuccessBanner key={done} id="upload-title" message={done} />}
        <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
          Upload results
        </h1>
        <p class="govuk-body">
          The template filled in, or a CSV file whose first line is <code>measureId,period,value,commentary</code> (or{' '}
          <code>actionId,quarter,status,commentary</code> for planned work), then one line each. If any line is wrong
          nothing is saved, and every wrong line is listed.
        </p>
        {returns.loading ? (
          <Loading />
        ) : open.length > 0 ? (
          <Select
            id="quarter"
            label="Quarter"
            labelClass="govuk-label--m"
            hint="The quarter open for returns that the template is of; every line you upload must be of it too"
            value={quarter ?? ''}
            choices={open.map((q) => ({ value: q, label: periodLabel(q) }))}
            onChange={setChosen}
          />
        ) : (
          <p class="govuk-inset-text">No quarter is open for returns: every quarter with targets is closed.</p>
        )}
        <TemplateDownloads api={api} quarter={quarter} />
        <form onSubmit={submit} noValidate>
          <FileUpload
            id="results-file"
            label="Results file"
            labelClass="govuk-label--m"
            hint="A .xlsx or .csv file, up to 256 KB"
            accept={`.xlsx,.csv,text/csv,${xlsxContentType}`}
            error={firstError && 'The file has problems: see the list above'}
          />
          <button type="submit" class="govuk-button" disabled={busy} aria-disabled={busy}>
            Upload
          </button>
        </form>
      </div>
    </div>
  );
}
