import { fill } from '../../../lambdas/domain/words';
import type { Settings } from '../api';
import type { DateParts, FieldError } from '../components';
import { datePartsOf, isoDateOf } from '../date-parts';
import type { WebWords } from '../i18n';
import { en } from '../i18n/en';
import { pointerSegment } from '../json-pointer';

// The Settings form as data (docs/web-app.md "Settings"): the settings as typed (lists one
// a line), back to the settings PUT /settings replaces (a field the page does not show keeps
// its stored value), what the browser can already refuse, and the API's 422 field paths as
// links to the fields. Pure: unit-tested in test/web/settings-form.unit.test.ts.

export type RuleName = keyof Settings['criticalRules'];
/** The critical-item rules in the order the page lists them (their words: the catalogue's admin.settings.rules). */
export const ruleNames: RuleName[] = [
  'red',
  'all-directorates-off',
  'red-consecutive',
  'declining-despite-target',
  'action-red',
];
/** The bands' fields (their label and hint: the catalogue's admin.settings.bands). */
export const bandFields = [
  { key: 'tolerancePercent' },
  { key: 'greenTolerancePercent' },
  { key: 'toleranceAbsolute' },
  { key: 'overallGreenAtLeastPercent' },
  { key: 'overallRedBelowPercent' },
] as const;
export type BandKey = (typeof bandFields)[number]['key'];

export interface DirectorateForm {
  name: string;
  /** Its Welsh name (namesCy.directorates); empty: none. */
  nameCy: string;
  contacts: string;
  heads: string;
  approvers: string;
}
export type CabinetField = 'council' | 'meeting' | 'author' | 'portfolio';
/** The Cabinet frame's fields (their labels: the catalogue's admin.settings.cabinetFields). */
export const cabinetFields: CabinetField[] = ['council', 'meeting', 'author', 'portfolio'];
export const reportLanguages: Settings['reportLanguages'][] = ['en', 'cy', 'cy+en'];
/** The Settings page's words (web/src/i18n, admin.settings). */
export type SettingsWords = WebWords['admin']['settings'];
export interface Form {
  reportTitle: string;
  /** namesCy.reportTitle; empty: none. */
  reportTitleCy: string;
  plans: { id: string; name: string; nameCy?: string }[];
  /** Programmes' Welsh names, by their English name (namesCy.programmes). */
  programmesCy: { name: string; nameCy: string }[];
  reportLanguages: Settings['reportLanguages'];
  cabinet: Record<'en' | 'cy', Record<CabinetField, string>>;
  meetingDate: DateParts;
  emtRecipients: string;
  directorates: DirectorateForm[];
  reminderDays: string;
  bands: Record<BandKey, string>;
  improvementSoftensRed: boolean;
  criticalRules: Record<RuleName, boolean>;
  signOff: Settings['signOff'];
  unsignedAtClose: Settings['unsignedAtClose'];
}

const lines = (list: readonly string[]) => list.join('\n');
const cabinetFormOf = (frame: Partial<Record<CabinetField, string>>) =>
  Object.fromEntries(cabinetFields.map((key) => [key, frame[key] ?? ''])) as Record<CabinetField, string>;
/** The entries with a (trimmed) text: an empty field means none. */
const given = (entries: [string, string][]) =>
  Object.fromEntries(entries.map(([k, v]) => [k.trim(), v.trim()]).filter(([k, v]) => k !== '' && v !== ''));
const listOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function formOf(s: Settings): Form {
  return {
    reportTitle: s.reportTitle,
    reportTitleCy: s.namesCy.reportTitle ?? '',
    plans: Object.entries(s.planNames).map(([id, name]) => ({ id, name, nameCy: s.namesCy.plans[id] ?? '' })),
    programmesCy: Object.entries(s.namesCy.programmes).map(([name, nameCy]) => ({ name, nameCy })),
    reportLanguages: s.reportLanguages,
    cabinet: { en: cabinetFormOf(s.cabinetReport.en), cy: cabinetFormOf(s.cabinetReport.cy) },
    meetingDate: datePartsOf(s.cabinetReport.meetingDate),
    emtRecipients: lines(s.emtRecipients),
    directorates: Object.entries(s.directorates).map(([name, d]) => ({
      name,
      nameCy: s.namesCy.directorates[name] ?? '',
      contacts: lines(d.contacts),
      heads: lines(d.heads),
      approvers: lines(d.approvers),
    })),
    reminderDays: s.reminderDays.join(', '),
    bands: Object.fromEntries(bandFields.map((f) => [f.key, String(s[f.key])])) as Record<BandKey, string>,
    improvementSoftensRed: s.improvementSoftensRed,
    criticalRules: { ...s.criticalRules },
    signOff: s.signOff,
    unsignedAtClose: s.unsignedAtClose,
  };
}

/** The settings the form says, over the loaded ones; or the fields the browser can already tell are wrong. */
export function settingsOf(
  form: Form,
  loaded: Settings,
  w: SettingsWords = en.admin.settings,
  dateWords: WebWords['date'] = en.date,
): Settings | FieldError[] {
  const errors: FieldError[] = [];
  const bands = {} as Record<BandKey, number>;
  for (const f of bandFields) {
    const value = form.bands[f.key].trim() === '' ? Number.NaN : Number(form.bands[f.key]);
    if (!Number.isFinite(value))
      errors.push({ field: f.key, message: fill(w.enterNumber, { label: w.bands[f.key].label }) });
    bands[f.key] = value;
  }
  const days = form.reminderDays
    .split(/[\s,]+/)
    .filter((d) => d !== '')
    .map(Number);
  if (days.some((d) => !Number.isInteger(d))) errors.push({ field: 'reminderDays', message: w.wholeDays });
  const ids = new Set<string>();
  form.plans.forEach((p, i) => {
    if (ids.has(p.id.trim()))
      errors.push({ field: `plan-id-${i}`, message: fill(w.idTwice, { n: i + 1, id: p.id.trim() }) });
    ids.add(p.id.trim());
  });
  const meeting = isoDateOf(form.meetingDate, 'meetingDate', w.meetingDate, dateWords);
  if (meeting.error) errors.push(meeting.error);
  if (errors.length) return errors;
  const reportTitleCy = form.reportTitleCy.trim();
  return {
    ...loaded,
    reportTitle: form.reportTitle,
    planNames: Object.fromEntries(form.plans.map((p) => [p.id.trim(), p.name.trim()])),
    emtRecipients: listOf(form.emtRecipients),
    directorates: Object.fromEntries(
      form.directorates.map((d) => [
        d.name,
        { contacts: listOf(d.contacts), heads: listOf(d.heads), approvers: listOf(d.approvers) },
      ]),
    ),
    reminderDays: days,
    ...bands,
    improvementSoftensRed: form.improvementSoftensRed,
    criticalRules: form.criticalRules,
    signOff: form.signOff,
    unsignedAtClose: form.unsignedAtClose,
    reportLanguages: form.reportLanguages,
    namesCy: {
      ...(reportTitleCy !== '' && { reportTitle: reportTitleCy }),
      plans: given(form.plans.map((p) => [p.id, p.nameCy ?? ''])),
      programmes: given(form.programmesCy.map((p) => [p.name, p.nameCy])),
      directorates: given(form.directorates.map((d) => [d.name, d.nameCy])),
    },
    cabinetReport: {
      en: given(Object.entries(form.cabinet.en)),
      cy: given(Object.entries(form.cabinet.cy)),
      ...(meeting.date !== undefined && { meetingDate: meeting.date }),
    },
  };
}

/** A Cabinet frame field's label in one language: "Council (English)". */
export const cabinetLabel = (w: SettingsWords, field: CabinetField, language: 'en' | 'cy') =>
  fill(w.cabinetLabel, { label: w.cabinetFields[field], language: language === 'en' ? w.english : w.welsh });

/** The API's 422 field errors (JSON Pointers) as links to this form's fields, each naming the field. */
export function fieldErrorsOf(
  errors: { path: string; message: string }[],
  form: Form,
  w: SettingsWords = en.admin.settings,
): FieldError[] {
  return errors.map(({ path, message }) => {
    /** The message after the field's name, as the page words it. */
    const named = (field: string, label: string) => ({ field, message: fill(w.named, { label, message }) });
    const [top = '', second, third, fourth] = path.split('/').slice(1).map(pointerSegment);
    const line = (index: string | undefined) =>
      index !== undefined && /^\d+$/.test(index) ? fill(w.line, { n: Number(index) + 1 }) : '';
    if (top === 'reportTitle') return named('reportTitle', w.reportTitle);
    if (top === 'planNames') {
      const i = Math.max(
        0,
        form.plans.findIndex((p) => p.id.trim() === second),
      );
      return named(`plan-name-${i}`, fill(w.plan, { n: i + 1 }));
    }
    if (top === 'emtRecipients') return named('emtRecipients', `${w.emtRecipients}${line(second)}`);
    if (top === 'directorates') {
      const i = Math.max(
        0,
        form.directorates.findIndex((d) => d.name === second),
      );
      const kind = third === 'heads' ? 'heads' : third === 'approvers' ? 'approvers' : 'contacts';
      return named(`${kind}-${i}`, `${second}, ${w[kind]}${line(fourth)}`);
    }
    if (top === 'reminderDays') return named('reminderDays', w.reminderDays);
    const band = bandFields.find((f) => f.key === top);
    if (band) return named(band.key, w.bands[band.key].label);
    if (top === 'criticalRules') return named('rule-red', w.criticalItems);
    if (top === 'signOff') return named('signOff-on', w.signOff);
    if (top === 'namesCy') {
      if (second === 'reportTitle') return named('reportTitleCy', w.reportTitleCy);
      if (second === 'plans') {
        const i = Math.max(
          0,
          form.plans.findIndex((p) => p.id.trim() === third),
        );
        return named(`plan-cy-${i}`, fill(w.planNameCy, { n: i + 1 }));
      }
      if (second === 'directorates') {
        const i = Math.max(
          0,
          form.directorates.findIndex((d) => d.name === third),
        );
        return named(`directorate-cy-${i}`, fill(w.inWelsh, { name: third ?? '' }));
      }
      const i = Math.max(
        0,
        form.programmesCy.findIndex((p) => p.name.trim() === third),
      );
      return named(`programme-${i}`, fill(w.programme, { n: i + 1 }));
    }
    if (top === 'cabinetReport') {
      if (second === 'meetingDate') return named('meetingDate-day', w.meetingDate);
      const language = second === 'cy' ? 'cy' : 'en';
      const f = cabinetFields.find((c) => c === third) ?? cabinetFields[0]!;
      return named(`cabinet-${language}-${f}`, cabinetLabel(w, f, language));
    }
    if (top === 'reportLanguages') return named('reportLanguages-en', w.reportLanguages);
    if (top === 'unsignedAtClose') return named('unsignedAtClose-count-flagged', w.atClose);
    return { field: 'reportTitle', message };
  });
}
