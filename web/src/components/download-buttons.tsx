import { useState } from 'preact/hooks';
import { saveBlob } from '../download';
import { fill, useWords } from '../i18n';

/** A file the API answers (fetched with the bearer token, so a plain link could not), saved under `name`. */
export interface DownloadButton {
  label: string;
  name: string;
  fetch(): Promise<Blob | null>;
}

/** Secondary buttons that each fetch and save a file, and say so when one could not be downloaded. */
export function DownloadButtons({ buttons }: { buttons: readonly DownloadButton[] }) {
  const w = useWords().t.dashboard;
  const [failed, setFailed] = useState<string | null>(null);
  const download = async ({ name, fetch }: DownloadButton) => {
    setFailed(null);
    const blob = await fetch();
    if (blob) saveBlob(blob, name);
    else setFailed(fill(w.fileFailed, { name }));
  };
  return (
    <>
      {failed && (
        <p class="govuk-error-message" role="alert">
          {failed}
        </p>
      )}
      <div class="govuk-button-group">
        {buttons.map((b) => (
          <button key={b.label} type="button" class="govuk-button govuk-button--secondary" onClick={() => download(b)}>
            {b.label}
          </button>
        ))}
      </div>
    </>
  );
}
