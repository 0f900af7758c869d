// The ZIP64 decoy (second review, finding 3): a workbook whose standard end-of-directory
// record shows a small decoy directory while its ZIP64 record, which exceljs's zip reader
// (JSZip) follows, points at a 200 MB entry. The check reads the zip with that same
// reader, so it measures what exceljs would open. docs/plan-administration.md "Spreadsheets".
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { measuresGrid } from '../../lambdas/render/definition-sheets';
import {
  checkWorkbookZip,
  definitionsXlsx,
  inflatedSizeUpTo,
  readDefinitionsXlsx,
  WorkbookRefused,
} from '../../lambdas/render/definitions-xlsx';
import { standardDirectoryNames, zip64Decoy } from '../support/zip-bomb';

const mb = 1024 * 1024;
let crafted: Buffer;

beforeAll(async () => {
  const workbook = await definitionsXlsx([measuresGrid([]), { name: 'Planned work', rows: [['id']] }]);
  crafted = await zip64Decoy(new Uint8Array(workbook), 200 * mb);
});

describe('a ZIP64 record pointing past a decoy directory', () => {
  it('is the file the review crafted: small, a decoy for a reader that ignores ZIP64, 200 MB for JSZip', async () => {
    expect(crafted.length).toBeLessThan(256 * 1024);
    expect(standardDirectoryNames(crafted)).not.toContain('xl/media/zeros.bin');
    const zip = await JSZip.loadAsync(crafted);
    expect(Object.keys(zip.files)).toContain('xl/media/zeros.bin');
  });

  it('is refused as inflating past 40 MB, by the check and so by the reader', async () => {
    await expect(checkWorkbookZip(crafted)).rejects.toThrow(/inflates to more than 40 MB/);
    await expect(readDefinitionsXlsx(crafted)).rejects.toBeInstanceOf(WorkbookRefused);
  });

  it('never inflates the 200 MB: the bounded stream stops within a chunk of its limit', async () => {
    const zeros = (await JSZip.loadAsync(crafted)).file('xl/media/zeros.bin')!;
    const inflated = await inflatedSizeUpTo(zeros, 40 * mb);
    expect(inflated).toBeGreaterThan(40 * mb);
    // JSZip inflates 16 KB of deflated input at a time: at most ~16 MB of zeros past the limit.
    expect(inflated).toBeLessThan(60 * mb);
    // Under the limit it reads to the end and says the real size.
    expect(await inflatedSizeUpTo(zeros, 300 * mb)).toBe(200 * mb);
  });
});
