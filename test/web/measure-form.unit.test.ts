import { describe, expect, it } from 'vitest';
import type { MeasureDefinition } from '../../lambdas/domain/types';
import {
  bodyOf,
  checked,
  directorateRolled,
  errorsOf,
  newRow,
  periodsOffered,
  refusedErrors,
  rowField,
  targetMarks,
  typedFrom,
} from '../../web/src/measure-editor/form';

// The measure editor's form as data (web/src/measure-editor/form.ts): what is sent, what is
// refused before sending, where the API's field paths point, and the tags beside a target.

const measure: MeasureDefinition = {
  id: 'sickness',
  plan: 'cip',
  programme: 'Corporate Measures',
  title: 'Sickness absence',
  unit: 'days per FTE',
  polarity: 'lower',
  frequency: 'quarterly',
  tolerancePercent: 10,
  directorates: ['People', 'Place'],
  ownerDirectorate: 'People',
  targets: { '2017-18-Q4': 2.5, '2017-18': 9.5 },
  directorateTargets: { People: { '2017-18-Q4': 2.2 } },
};

describe('the measure form', () => {
  it('sends back the definition it was filled with', () => {
    const { body, unreadable } = bodyOf(typedFrom(measure));
    expect(unreadable).toEqual([]);
    const { id: _id, ...rest } = measure;
    expect(body).toEqual(rest);
  });

  it('leaves out empty bands and empty target rows', () => {
    const typed = { ...typedFrom(measure), tolerancePercent: ' ', targets: [newRow()] };
    const { body } = bodyOf(typed);
    expect(body).not.toHaveProperty('tolerancePercent');
    expect(body.targets).toEqual({});
  });

  it('refuses, before sending, a target that is not a number, a period given twice and a missing id', () => {
    const typed = typedFrom(measure);
    const q4 = typed.targets.find((r) => r.period === '2017-18-Q4')!;
    const year = typed.targets.find((r) => r.period === '2017-18')!;
    const rows = [q4, { ...year, period: q4.period }, { ...newRow('2018-19'), value: 'lots' }];
    const { errors } = checked({ ...typed, id: '', targets: rows }, true);
    expect(errors).toEqual([
      { field: 'id', message: 'Enter a measure ID' },
      {
        field: rowField('target', rows[1]!, 'period'),
        message: 'the target for 2017-18 Q4 is given twice: choose each period once',
      },
      { field: rowField('target', rows[2]!, 'value'), message: 'The target for 2018-19 (whole year) must be a number' },
    ]);
  });

  it("says in words what the schema refuses, and links the API's target path to its row", () => {
    const typed = { ...typedFrom(measure), title: '' };
    expect(checked(typed, false).errors).toEqual([{ field: 'title', message: 'Enter a title' }]);
    const q4 = typed.targets.find((r) => r.period === '2017-18-Q4')!;
    expect(errorsOf([{ path: '/targets/2017-18-Q4', message: 'too big' }], typed)).toEqual([
      { field: rowField('target', q4, 'value'), message: 'The target for 2017-18 Q4: too big' },
    ]);
    expect(refusedErrors({ status: 409, detail: 'Used by planned work' }, typed)).toEqual([
      { field: 'title', message: 'Used by planned work' },
    ]);
  });

  it('offers the periods around its targets', () => {
    const periods = periodsOffered(measure, []);
    expect(periods).toContain('2017-18-Q4');
    expect(periods).toContain('2018-19');
  });
});

describe('the tags beside a target', () => {
  const row = (period: string, value: string) => ({ ...newRow(period), value });

  it('marks a rolled-forward target while its value is unchanged', () => {
    expect(targetMarks(row('2018-19', '9.5'), { '2018-19': 9.5 }, ['2018-19'], null)).toEqual(['Rolled forward']);
    expect(targetMarks(row('2018-19', '9'), { '2018-19': 9.5 }, ['2018-19'], null)).toEqual([]);
  });

  it("marks a quarter's target set after the quarter began", () => {
    const history = [
      { at: '2017-12-01T10:00:00Z', targets: { '2017-18-Q4': 2 } },
      { at: '2018-02-01T10:00:00Z', targets: { '2017-18-Q4': 2.5 } },
    ];
    expect(targetMarks(row('2017-18-Q4', '2.5'), { '2017-18-Q4': 2.5 }, [], history)).toEqual([
      'Target changed on 1 February 2018',
    ]);
  });

  it("reads a directorate's rolled-forward periods from the marks", () => {
    expect(directorateRolled(['2018-19 People', '2018-19', '2019-20 Place'], 'People')).toEqual(['2018-19']);
  });
});
