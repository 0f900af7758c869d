import { describe, expect, it } from 'vitest';
import type { Settings } from '../../web/src/api';
import { fieldErrorsOf, formOf, settingsOf } from '../../web/src/settings/form';

// The Settings page's form as data (web/src/settings/form.ts): the settings as typed and
// back, what the browser refuses before sending, and the API's field paths as fields.

const loaded = {
  reportTitle: 'Corporate Improvement Plan',
  planNames: { cip: 'Corporate Improvement Plan' },
  emtRecipients: ['emt@council.example'],
  directorates: { Place: { contacts: ['place@council.example'], heads: [], approvers: [] } },
  reminderDays: [5, 1],
  tolerancePercent: 10,
  greenTolerancePercent: 0,
  toleranceAbsolute: 0,
  overallGreenAtLeastPercent: 80,
  overallRedBelowPercent: 50,
  improvementSoftensRed: false,
  criticalRules: {
    red: true,
    'all-directorates-off': true,
    'red-consecutive': true,
    'declining-despite-target': true,
    'action-red': true,
  },
  signOff: 'off',
  unsignedAtClose: 'count-flagged',
  reportLanguages: 'en',
  namesCy: { plans: {}, programmes: {}, directorates: {} },
  cabinetReport: { en: {}, cy: {} },
  // A setting the page does not show: sent back as it was.
  closeDay: 15,
} as unknown as Settings;

describe('the Settings form', () => {
  it('sends back what it loaded, a setting it does not show included', () => {
    expect(settingsOf(formOf(loaded), loaded)).toEqual(loaded);
  });

  it('reads lists one a line and reminder days separated by commas', () => {
    const form = { ...formOf(loaded), emtRecipients: ' a@x.example \n\n b@x.example ', reminderDays: '7, 2 1' };
    expect(settingsOf(form, loaded)).toMatchObject({
      emtRecipients: ['a@x.example', 'b@x.example'],
      reminderDays: [7, 2, 1],
    });
  });

  it('refuses, before sending, a band that is not a number, days that are not whole and a plan id used twice', () => {
    const form = formOf(loaded);
    const refused = settingsOf(
      {
        ...form,
        bands: { ...form.bands, tolerancePercent: 'ten' },
        reminderDays: '1.5',
        plans: [...form.plans, { id: 'cip', name: 'Again' }],
      },
      loaded,
    );
    expect(refused).toEqual([
      { field: 'tolerancePercent', message: 'Amber band (percent off target): enter a number' },
      { field: 'reminderDays', message: 'Reminder days: enter whole numbers of days, separated by commas' },
      { field: 'plan-id-1', message: 'Plan 2: the id cip is used twice' },
    ]);
  });

  it("links the API's field paths to the fields, naming the line", () => {
    const form = formOf(loaded);
    expect(
      fieldErrorsOf(
        [
          { path: '/emtRecipients/0', message: 'not an email address' },
          { path: '/directorates/Place/heads/1', message: 'not an email address' },
          { path: '/planNames/cip', message: 'too long' },
          { path: '/overallRedBelowPercent', message: 'too big' },
        ],
        form,
      ),
    ).toEqual([
      { field: 'emtRecipients', message: 'EMT recipients, line 1: not an email address' },
      { field: 'heads-0', message: 'Place, Head of service, line 2: not an email address' },
      { field: 'plan-name-0', message: 'Plan 1: too long' },
      { field: 'overallRedBelowPercent', message: 'Overall RED below (percent on track): too big' },
    ]);
  });

  it('edits the Welsh names, the report languages and the Cabinet frame; empty fields mean none', () => {
    const form = formOf(loaded);
    const sent = settingsOf(
      {
        ...form,
        reportLanguages: 'cy+en',
        reportTitleCy: ' Cynllun Gwella Corfforaethol ',
        plans: [{ ...form.plans[0]!, nameCy: 'Cynllun Gwella Corfforaethol' }],
        programmesCy: [
          { name: 'Learning', nameCy: 'Dysgu' },
          { name: 'Empty', nameCy: ' ' },
        ],
        directorates: [{ ...form.directorates[0]!, nameCy: 'Lle' }],
        cabinet: { ...form.cabinet, cy: { ...form.cabinet.cy, council: 'CYNGOR SIR POWYS' } },
        meetingDate: { day: '10', month: '7', year: '2018' },
      },
      loaded,
    );
    expect(sent).toMatchObject({
      reportLanguages: 'cy+en',
      namesCy: {
        reportTitle: 'Cynllun Gwella Corfforaethol',
        plans: { cip: 'Cynllun Gwella Corfforaethol' },
        programmes: { Learning: 'Dysgu' },
        directorates: { Place: 'Lle' },
      },
      cabinetReport: { en: {}, cy: { council: 'CYNGOR SIR POWYS' }, meetingDate: '2018-07-10' },
    });
    // And back: the form shows what it sent.
    expect(formOf(sent as Settings)).toMatchObject({
      reportTitleCy: 'Cynllun Gwella Corfforaethol',
      meetingDate: { day: '10', month: '07', year: '2018' },
    });
    expect(settingsOf({ ...form, meetingDate: { day: '31', month: '2', year: '2018' } }, loaded)).toEqual([
      { field: 'meetingDate-day', message: 'Meeting date must be a real date' },
    ]);
    expect(
      fieldErrorsOf(
        [
          { path: '/namesCy/directorates/Place', message: 'too long' },
          { path: '/cabinetReport/cy/author', message: 'too long' },
        ],
        form,
      ),
    ).toEqual([
      { field: 'directorate-cy-0', message: 'Place in Welsh: too long' },
      { field: 'cabinet-cy-author', message: 'Report author (Welsh): too long' },
    ]);
  });
});
