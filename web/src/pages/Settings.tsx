import { useState } from 'preact/hooks';
import type { Api, SettingsVersion } from '../api';
import { ErrorSummary, type FieldError, Loading, SuccessBanner, useFocusHeading } from '../components';
import { ConflictPanel, savedBy } from '../components/conflict';
import { useData } from '../hooks/use-data';
import { useVersionedSave } from '../hooks/use-versioned-save';
import { fill, useWords } from '../i18n';
import { type Form, fieldErrorsOf, formOf, settingsOf } from '../settings/form';
import {
  CabinetSection,
  EmailedSection,
  ReportSection,
  SettingsHistory,
  SignOffSection,
  StatusRulesSection,
  WelshSection,
} from '../settings/sections';

// Settings (admins, docs/web-app.md): what admins change without a redeploy. The form
// sends the whole settings back (PUT /settings replaces them), so a field this page does
// not show keeps its stored value. It sends If-Match with the version it loaded: when
// another admin saved meanwhile, the 412 panel says who and when, and what was typed stays.

export function Settings({ api }: { api: Api }) {
  const [form, setForm] = useState<Form | null>(null);
  const settings = useData(
    () =>
      api.settings().then((answer) => {
        if (answer.ok) setForm(formOf(answer.data));
        return answer;
      }),
    [api],
  );
  const loaded = settings.data;
  const history = useData(() => api.settingsHistory(), [api]);
  const versions = history.loading ? null : (history.data?.versions ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const versioned = useVersionedSave<{ latest: SettingsVersion | null }>(async () => {
    const [now, changes] = await Promise.all([api.settings(), api.settingsHistory()]);
    history.reload();
    if (!now.ok) return null;
    // What the page does not show is sent back as they left it; what was typed stays.
    settings.set(now.data, now.etag);
    return { etag: now.etag, version: { latest: changes.ok ? (changes.data.versions.at(-1) ?? null) : null } };
  });
  const { t } = useWords();
  const w = t.admin.settings;
  const heading = useFocusHeading(form !== null, w.heading);
  if (settings.failed) return <p class="govuk-body">{settings.failed.problem.detail ?? w.notLoaded}</p>;
  if (!form || !loaded) return <Loading />;

  const change = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const errorOf = (field: string) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => e.message)
      .join('. ') || undefined;

  const save = async (event: Event) => {
    event.preventDefault();
    setDone(null);
    const body = settingsOf(form, loaded, w, t.date);
    if (Array.isArray(body)) {
      setErrors(body);
      return;
    }
    await versioned.save(settings.etag, (ifMatch) => api.putSettings(body, ifMatch), {
      saved: (data, etag) => {
        setErrors([]);
        settings.set(data, etag);
        setDone(w.saved);
        history.reload();
      },
      conflicted: () =>
        setErrors([
          {
            field: 'reportTitle',
            message: w.conflictError,
          },
        ]),
      refused: (problem) => {
        const fields = fieldErrorsOf(problem.errors ?? [], form, w);
        setErrors(fields.length ? fields : [{ field: 'reportTitle', message: problem.detail ?? w.notSaved }]);
      },
    });
  };

  return (
    <>
      {done && <SuccessBanner key={`${done}${versions?.length}`} id="settings-saved" message={done} />}
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l" tabIndex={-1} ref={heading}>
        {w.heading}
      </h1>
      <p class="govuk-body">{w.intro}</p>
      {versioned.conflict && (
        <ConflictPanel heading={w.conflictHeading}>
          <p class="govuk-body">
            {fill(w.conflict, {
              saved: versioned.conflict.latest ? savedBy(versioned.conflict.latest) : w.someoneSaved,
            })}
          </p>
        </ConflictPanel>
      )}
      <form onSubmit={save} noValidate>
        <ReportSection form={form} errorOf={errorOf} change={change} />
        <EmailedSection form={form} errorOf={errorOf} change={change} />
        <SignOffSection form={form} errorOf={errorOf} change={change} />
        <StatusRulesSection form={form} errorOf={errorOf} change={change} />
        <WelshSection form={form} errorOf={errorOf} change={change} />
        <CabinetSection form={form} errorOf={errorOf} change={change} />
        <button type="submit" class="govuk-button" disabled={versioned.saving} aria-disabled={versioned.saving}>
          {w.save}
        </button>
      </form>

      <h2 class="govuk-heading-m">{w.history}</h2>
      {versions ? <SettingsHistory versions={versions} /> : <Loading />}
    </>
  );
}
