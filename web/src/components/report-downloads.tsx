import { useState } from 'preact/hooks';
import { type Api, type ReportFormat, reportFormats } from '../api';
import { saveBlob } from '../download';

// The report's downloads, every format (the dashboard; the close and reissue pages after sending).
const formatLabels: Record<ReportFormat, string> = {
  json: 'JSON',
  html: 'HTML',
  md: 'Markdown',
  csv: 'CSV',
  docx: 'Word (docx)',
  xlsx: 'Excel (xlsx)',
};

/** One link per format: fetched with the bearer token, then saved. */
export function Downloads({ api, quarter }: { api: Api; quarter: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  const download = async (event: Event, format: ReportFormat) => {
    event.preventDefault();
    setFailed(null);
    const blob = await api.reportDocument(quarter, format);
    if (!blob) {
      setFailed(`The ${formatLabels[format]} report could not be downloaded. Try again.`);
      return;
    }
    saveBlob(blob, `ragtime-${quarter}.${format}`);
  };
  return (
    <div class="app-no-print">
      <h2 class="govuk-heading-m">Download the report</h2>
      {failed && (
        <p class="govuk-error-message" role="alert">
          {failed}
        </p>
      )}
      <ul class="govuk-list app-nav" aria-label="Report formats">
        {reportFormats.map((f) => (
          <li key={f}>
            <a
              class="govuk-link"
              href={`/reports/${encodeURIComponent(quarter)}?format=${f}`}
              download={`ragtime-${quarter}.${f}`}
              onClick={(e) => download(e, f)}
            >
              Download {formatLabels[f]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
