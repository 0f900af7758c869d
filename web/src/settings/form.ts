import type { Settings } from '../api';
import type { FieldError } from '../components';
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
  contacts: string;
  heads: string;
  approvers: string;
}
export interface Form {
  reportTitle: string;
  plans: { id: string; name: string }[];
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
const listOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function formOf(s: Settings): Form {
  return {
    reportTitle: s.reportTitle,
    plans: Object.entries(s.planNames).map(([id, name]) => ({ id, name })),
    emtRecipients: lines(s.emtRecipients),
    directorates: Object.entries(s.directorates).map(([name, d]) => ({
      name,
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
  if (errors.length) return errors;
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
    if (top === 'unsignedAtClose') return { field: 'unsignedAtClose-count-flagged', message: `At close: ${message}` };
    return { field: 'reportTitle', message };
  });
}
