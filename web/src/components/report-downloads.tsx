import { useState } from 'preact/hooks';
import { type Api, type ReportFormat, reportFormats } from '../api';
import { saveBlob } from '../download';
import { fill, useWords } from '../i18n';

// The report's downloads, every format (the dashboard; the close and reissue pages after sending).
// The formats' names are the same in both languages.
const formatLabels: Record<ReportFormat, string> = {
  json: 'JSON',
  html: 'HTML',
  md: 'Markdown',
  csv: 'CSV',
  docx: 'Word (docx)',
  xlsx: 'Excel (xlsx)',
};

/** The formats people open (documents and spreadsheets); the JSON is offered apart, for other systems. */
const peopleFormats = reportFormats.filter((f) => f !== 'json');

/** One link per format: fetched with the bearer token, then saved. */
export function Downloads({ api, quarter }: { api: Api; quarter: string }) {
  const w = useWords().t.dashboard;
  const [failed, setFailed] = useState<string | null>(null);
  const download = async (event: Event, format: ReportFormat) => {
    event.preventDefault();
    setFailed(null);
    const blob = await api.reportDocument(quarter, format);
    if (!blob) {
      setFailed(fill(w.downloadFailed, { format: formatLabels[format] }));
      return;
    }
    saveBlob(blob, `ragtime-${quarter}.${format}`);
  };
  const link = (f: ReportFormat) => (
    <a
      class="govuk-link"
      href={`/reports/${encodeURIComponent(quarter)}?format=${f}`}
      download={`ragtime-${quarter}.${f}`}
      onClick={(e) => download(e, f)}
    >
      {fill(w.download, { format: formatLabels[f] })}
    </a>
  );
  return (
    <div class="app-no-print">
      <h2 class="govuk-heading-m">{w.downloadReport}</h2>
      {failed && (
        <p class="govuk-error-message" role="alert">
          {failed}
        </p>
      )}
      <ul class="govuk-list app-nav" aria-label={w.reportFormats}>
        {peopleFormats.map((f) => (
          <li key={f}>{link(f)}</li>
        ))}
      </ul>
      {/* People meet documents; the JSON is for other systems, so it waits behind its name. */}
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{w.dataForOtherSystems}</span>
        </summary>
        <div class="govuk-details__text">
          <p class="govuk-body">{w.dataForOtherSystemsHint}</p>
          {link('json')}
        </div>
      </details>
    </div>
  );
}
