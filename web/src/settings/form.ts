import type { Settings } from '../api';
import type { DateParts, FieldError } from '../components';
import { datePartsOf, isoDateOf } from '../date-parts';
import { pointerSegment } from '../json-pointer';

// The Settings form as data (docs/web-app.md "Settings"): the settings as typed (lists one
// a line), back to the settings PUT /settings replaces (a field the page does not show keeps
// its stored value), what the browser can already refuse, and the API's 422 field paths as
// links to the fields. Pure: unit-tested in test/web/settings-form.unit.test.ts.

export type RuleName = keyof Settings['criticalRules'];
export const ruleLabels: Record<RuleName, string> = {
  red: 'A measure is RED',
  'all-directorates-off': 'Every directorate of a measure is off target',
  'red-consecutive': 'A measure is RED for two quarters in a row',
  'declining-despite-target': 'A measure is declining while off target',
  'action-red': 'Planned work is RED',
};
export const bandFields = [
  {
    key: 'tolerancePercent',
    label: 'Amber band (percent off target)',
    hint: 'A measure off target by up to this percentage is AMBER; further off, RED',
  },
  {
    key: 'greenTolerancePercent',
    label: 'Green band (percent off target)',
    hint: 'A measure off target by up to this percentage still counts as met (GREEN); 0 for none',
  },
  {
    key: 'toleranceAbsolute',
    label: 'Amber band for a target of 0',
    hint: 'Against a target of 0, a value off by up to this much is AMBER',
  },
  {
    key: 'overallGreenAtLeastPercent',
    label: 'Overall GREEN from (percent on track)',
    hint: 'The overall status is GREEN when at least this share of planned work and measures is on track',
  },
  {
    key: 'overallRedBelowPercent',
    label: 'Overall RED below (percent on track)',
    hint: 'The overall status is RED below this share; AMBER between the two',
  },
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
export const cabinetFields: { key: CabinetField; label: string }[] = [
  { key: 'council', label: 'Council' },
  { key: 'meeting', label: 'Meeting' },
  { key: 'author', label: 'Report author' },
  { key: 'portfolio', label: 'Portfolio' },
];
export const reportLanguageChoices: { value: Settings['reportLanguages']; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'cy', label: 'Welsh' },
  { value: 'cy+en', label: 'Welsh and English (Welsh first)' },
];
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
  Object.fromEntries(cabinetFields.map(({ key }) => [key, frame[key] ?? ''])) as Record<CabinetField, string>;
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
export function settingsOf(form: Form, loaded: Settings): Settings | FieldError[] {
  const errors: FieldError[] = [];
  const bands = {} as Record<BandKey, number>;
  for (const f of bandFields) {
    const value = form.bands[f.key].trim() === '' ? Number.NaN : Number(form.bands[f.key]);
    if (!Number.isFinite(value)) errors.push({ field: f.key, message: `${f.label}: enter a number` });
    bands[f.key] = value;
  }
  const days = form.reminderDays
    .split(/[\s,]+/)
    .filter((d) => d !== '')
    .map(Number);
  if (days.some((d) => !Number.isInteger(d)))
    errors.push({ field: 'reminderDays', message: 'Reminder days: enter whole numbers of days, separated by commas' });
  const ids = new Set<string>();
  form.plans.forEach((p, i) => {
    if (ids.has(p.id.trim()))
      errors.push({ field: `plan-id-${i}`, message: `Plan ${i + 1}: the id ${p.id.trim()} is used twice` });
    ids.add(p.id.trim());
  });
  const meeting = isoDateOf(form.meetingDate, 'meetingDate', 'Meeting date');
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

/** The API's 422 field errors (JSON Pointers) as links to this form's fields, each naming the field. */
export function fieldErrorsOf(errors: { path: string; message: string }[], form: Form): FieldError[] {
  return errors.map(({ path, message }) => {
    const [top = '', second, third, fourth] = path.split('/').slice(1).map(pointerSegment);
    const line = (index: string | undefined) =>
      index !== undefined && /^\d+$/.test(index) ? `, line ${Number(index) + 1}` : '';
    if (top === 'reportTitle') return { field: 'reportTitle', message: `Report title: ${message}` };
    if (top === 'planNames') {
      const i = Math.max(
        0,
        form.plans.findIndex((p) => p.id.trim() === second),
      );
      return { field: `plan-name-${i}`, message: `Plan ${i + 1}: ${message}` };
    }
    if (top === 'emtRecipients')
      return { field: 'emtRecipients', message: `EMT recipients${line(second)}: ${message}` };
    if (top === 'directorates') {
      const i = Math.max(
        0,
        form.directorates.findIndex((d) => d.name === second),
      );
      const kind = third === 'heads' ? 'heads' : third === 'approvers' ? 'approvers' : 'contacts';
      const label = { contacts: 'Contact email', heads: 'Head of service', approvers: 'Approvers' }[kind];
      return { field: `${kind}-${i}`, message: `${second}, ${label}${line(fourth)}: ${message}` };
    }
    if (top === 'reminderDays') return { field: 'reminderDays', message: `Reminder days: ${message}` };
    const band = bandFields.find((f) => f.key === top);
    if (band) return { field: band.key, message: `${band.label}: ${message}` };
    if (top === 'criticalRules') return { field: 'rule-red', message: `Critical items: ${message}` };
    if (top === 'signOff') return { field: 'signOff-on', message: `Sign-off: ${message}` };
    if (top === 'namesCy') {
      if (second === 'reportTitle') return { field: 'reportTitleCy', message: `Report title in Welsh: ${message}` };
      if (second === 'plans') {
        const i = Math.max(
          0,
          form.plans.findIndex((p) => p.id.trim() === third),
        );
        return { field: `plan-cy-${i}`, message: `Plan ${i + 1} name in Welsh: ${message}` };
      }
      if (second === 'directorates') {
        const i = Math.max(
          0,
          form.directorates.findIndex((d) => d.name === third),
        );
        return { field: `directorate-cy-${i}`, message: `${third} in Welsh: ${message}` };
      }
      const i = Math.max(
        0,
        form.programmesCy.findIndex((p) => p.name.trim() === third),
      );
      return { field: `programme-${i}`, message: `Programme ${i + 1}: ${message}` };
    }
    if (top === 'cabinetReport') {
      if (second === 'meetingDate') return { field: 'meetingDate-day', message: `Meeting date: ${message}` };
      const language = second === 'cy' ? 'cy' : 'en';
      const f = cabinetFields.find((c) => c.key === third) ?? cabinetFields[0]!;
      return {
        field: `cabinet-${language}-${f.key}`,
        message: `${f.label} (${language === 'cy' ? 'Welsh' : 'English'}): ${message}`,
      };
    }
    if (top === 'reportLanguages') return { field: 'reportLanguages-en', message: `Report languages: ${message}` };
    if (top === 'unsignedAtClose') return { field: 'unsignedAtClose-count-flagged', message: `At close: ${message}` };
    return { field: 'reportTitle', message };
  });
}
