import { describe, expect, it } from 'vitest';
import { measuresGrid } from '../../lambdas/render/definition-sheets';
import {
  checkWorkbookZip,
  definitionsXlsx,
  readDefinitionsXlsx,
  WorkbookRefused,
} from '../../lambdas/render/definitions-xlsx';
import { understateSizes, withZeros as zeros } from '../support/zip-bomb';

// The workbook reader's zip check (docs/plan-administration.md "Spreadsheets"): a zip's
// declared sizes are the writer's word, so what counts is what the entries inflate to.

const mb = 1024 * 1024;

async function sampleWorkbook(): Promise<Buffer> {
  return definitionsXlsx([measuresGrid([]), { name: 'Planned work', rows: [['id']] }]);
}

const withZeros = async (bytes: number) => zeros(new Uint8Array(await sampleWorkbook()), bytes);

const refusal = async (bytes: Buffer) => {
  try {
    await checkWorkbookZip(bytes);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookRefused);
    return (error as WorkbookRefused).message;
  }
};

describe('checkWorkbookZip', () => {
  it('lets a workbook the export wrote through', async () => {
    expect(await refusal(await sampleWorkbook())).toBeNull();
  });

  it('lets 39 MB of content through', async () => {
    expect(await refusal(await withZeros(39 * mb))).toBeNull();
  });

  it('refuses a zip that declares 41 MB', async () => {
    expect(await refusal(await withZeros(41 * mb))).toMatch(/inflates to more than 40 MB/);
  });

  it('refuses a zip that declares 1 byte an entry but inflates to 41 MB', async () => {
    const bomb = understateSizes(await withZeros(41 * mb));
    expect(bomb.length).toBeLessThan(256 * 1024);
    expect(await refusal(bomb)).toMatch(/inflates to more than 40 MB/);
  });

  it('refuses an entry whose deflated data is broken as not a workbook', async () => {
    const zip = await withZeros(mb);
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const first = zip.readUInt32LE(eocd + 16);
    const local = zip.readUInt32LE(first + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    zip.fill(0xff, start, start + 8);
    // JSZip (and so exceljs) sees broken data only as a size that does not add up: the reader refuses it.
    const error = await (async () => {
      try {
        await readDefinitionsXlsx(zip);
      } catch (e) {
        return e as WorkbookRefused;
      }
    })();
    expect(error?.malformed).toBe(true);
  });
});
