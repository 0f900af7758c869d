// Reading an uploaded CSV so that every mistake can be listed at once (SPEC §12 "Words,
// not data"): a line that cannot be read (a quote never closed) is one of the file's
// mistakes, in words, and the lines after it are still read.
import { parse } from 'csv-parse/sync';
import { Malformed } from '../domain/errors';

export interface CsvRecords {
  /** Each record with the line it starts on. */
  records: { record: string[]; info: { lines: number } }[];
  /** The lines that could not be read, each with what to do. */
  unreadable: { line: number; message: string }[];
}

export function csvRecords(text: string, options: { trim?: boolean } = {}): CsvRecords {
  const unreadable: CsvRecords['unreadable'] = [];
  try {
    const records = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: options.trim ?? false,
      // A line with too few or too many cells is the caller's to judge, not a reason to stop.
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (!error) return;
        unreadable.push({
          line: Number((error as { lines?: number }).lines) || 1,
          message:
            error.code === 'CSV_QUOTE_NOT_CLOSED'
              ? 'a double quote (") opens a cell that is never closed: close it, or remove it'
              : 'this line cannot be read as CSV: check its quotes and commas',
        });
      },
    }) as unknown as CsvRecords['records'];
    return { records, unreadable };
  } catch (error) {
    throw new Malformed(`The request body is not valid CSV: ${(error as Error).message}`);
  }
}
