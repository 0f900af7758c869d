import { useState } from 'preact/hooks';
import type { Api } from '../api';
import { ErrorSummary, type FieldError, FileUpload, SuccessBanner, useFocusHeading } from '../components';

/** "1 result uploaded", "16 results uploaded". */
const resultsWords = (n: number) => `${n} ${n === 1 ? 'result' : 'results'}`;

export function UploadResults({ api }: { api: Api }) {
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
    const answer = await api.importResults(await file.text());
    setBusy(false);
    if (answer.ok) {
      setErrors([]);
      setDone(`${resultsWords(answer.data.imported)} uploaded from ${file.name}.`);
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
          A CSV file whose first line is <code>measureId,period,value,commentary</code>, then one result a line. If any
          line is wrong nothing is saved, and every wrong line is listed.
        </p>
        <form onSubmit={submit} noValidate>
          <FileUpload
            id="results-file"
            label="Results file"
            labelClass="govuk-label--m"
            hint="A .csv file, up to 256 KB"
            accept=".csv,text/csv"
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
