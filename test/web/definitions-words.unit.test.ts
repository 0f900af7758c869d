import { describe, expect, it } from 'vitest';
import {
  fileField,
  importError,
  importedMessage,
  kindField,
  localFileErrors,
  refusedFile,
} from '../../web/src/definitions/words';

// The Definitions page's words and checks (web/src/definitions/words.ts).

const file = (name: string, bytes = 10) => new File(['x'.repeat(bytes)], name);

describe('the Definitions page', () => {
  it('refuses before sending: no file, too large, neither .xlsx nor .csv, a CSV of unknown kind', () => {
    expect(localFileErrors(undefined, '')).toEqual([{ field: fileField, message: 'Select a definitions file' }]);
    expect(localFileErrors(file('big.xlsx', 256 * 1024 + 1), '')[0]?.message).toMatch(/larger than 256 KB/);
    expect(localFileErrors(file('notes.txt'), 'measures')[0]?.message).toMatch(/\.xlsx workbook or a \.csv/);
    expect(localFileErrors(file('m.csv'), '')).toEqual([
      { field: kindField, message: 'Select what the CSV file holds' },
    ]);
    expect(localFileErrors(file('m.csv'), 'measures')).toEqual([]);
    expect(localFileErrors(file('Plan.XLSX'), '')).toEqual([]);
  });

  it("puts the API's refusals on the file input, a sheet's with its name", () => {
    expect(importError('/Measures/row/3/target 2017-18', 'Measures row 3, target 2017-18: not a number')).toEqual({
      field: fileField,
      message: 'Measures row 3, target 2017-18: not a number',
    });
    expect(importError('/Planned work', 'is missing')).toEqual({
      field: fileField,
      message: 'Sheet Planned work: is missing',
    });
    expect(importError('/query/kind', 'invalid').field).toBe(kindField);
    expect(refusedFile({ status: 413 })).toMatch(/larger than 256 KB/);
    expect(refusedFile({ status: 422, detail: 'Nope' })).toBe('Nope');
  });

  it('counts what an import did, in words', () => {
    const counts = { created: 1, replaced: 2, unchanged: 3 };
    expect(importedMessage('plan.xlsx', { ...counts, measures: counts, actions: counts } as never)).toBe(
      'Imported plan.xlsx: 1 created, 2 replaced, 3 unchanged. Measures: 1 created, 2 replaced, 3 unchanged. Planned work: 1 created, 2 replaced, 3 unchanged.',
    );
  });
});
