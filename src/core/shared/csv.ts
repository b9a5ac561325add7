import { setImmediate as nextTurn } from 'node:timers/promises';
import { finished } from 'node:stream/promises';
import { Parser } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { DomainError } from './errors.ts';

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** The delimiter of a CSV file, read from its header: a semicolon (spreadsheets set to Indonesian) or a comma. */
function delimiterOf(header: string): ';' | ',' {
  const semis = (header.match(/;/g) ?? []).length;
  const commas = (header.match(/,/g) ?? []).length;
  return semis > commas ? ';' : ',';
}

/** The most data rows one imported file may hold (the header not counted). */
export const MAX_FILE_ROWS = 50_000;

/** Bytes of a file parsed per turn of the event loop by `parseCsvInSlices` (~400 roster rows, ~4 ms here). */
const SLICE_BYTES = 32 * 1024;

const thousandsId = new Intl.NumberFormat('id-ID');
const thousandsEn = new Intl.NumberFormat('en');

/** A parsed record: its cells and the line (or sheet row) it ends on. */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** The text without its BOM, and the csv-parse options for it. */
function csvOptions(text: string) {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  return {
    body,
    options: {
      delimiter: delimiterOf(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    },
  };
}

function unreadable(e: unknown): DomainError {
  return new DomainError('ValidationFailed', {
    message: `Berkas CSV tidak dapat dibaca: ${(e as Error).message}`,
    messageEn: `The CSV file cannot be read: ${(e as Error).message}`,
    details: [
      {
        path: '/csv',
        message: 'bukan berkas CSV yang dapat dibaca',
        messageEn: 'not a readable CSV file',
      },
    ],
  });
}

/**
 * Turns parsed records into rows as they come (the first is the header) and,
 * at the end, judges the file: over `maxRows` data rows or without the
 * columns, refused whole. Rows past the limit are counted, not kept. The
 * XLSX reader (`tabular.ts`) feeds it a sheet's rows, so both refuse alike.
 */
export function rowCollector(
  columns: readonly string[],
  maxRows: number,
  aliases: Readonly<Record<string, string>> = {},
) {
  let header: string[] | undefined;
  let count = 0;
  const rows: CsvRow[] = [];
  return {
    add(r: CsvRecord) {
      if (!header) {
        // Other names a column goes by (any case, spacing evened out) read as the column itself.
        header = r.record.map((h) => {
          const name = h.replace(/\s+/g, ' ').trim().toLowerCase();
          return aliases[name] ?? name;
        });
        return;
      }
      if (++count > maxRows) return;
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = (r.record[i] ?? '').trim();
      rows.push({ line: r.info.lines, values });
    },
    rows(): CsvRow[] {
      if (count > maxRows)
        throw new DomainError('PayloadTooLarge', {
          message: `Berkas memuat ${thousandsId.format(count)} baris data; paling banyak ${thousandsId.format(maxRows)} baris per berkas. Bagi menjadi beberapa berkas; tidak ada yang disimpan.`,
          messageEn: `The file holds ${thousandsEn.format(count)} rows; at most ${thousandsEn.format(maxRows)} rows per file. Split it into several files; nothing was saved.`,
          details: [
            {
              path: '/csv',
              message: `paling banyak ${maxRows} baris per berkas, ada ${count}`,
              messageEn: `at most ${maxRows} rows per file, got ${count}`,
            },
          ],
        });
      const missing = columns.filter((c) => !(header ?? []).includes(c));
      if (missing.length)
        throw new DomainError('ValidationFailed', {
          message: `Baris judul CSV harus memuat kolom ${columns.join(',')}; tidak ada: ${missing.join(', ')}`,
          messageEn: `The CSV header must hold ${columns.join(',')}; missing: ${missing.join(', ')}`,
          details: [
            {
              path: '/csv',
              message: `baris judul harus memuat ${columns.join(',')}`,
              messageEn: `header must hold ${columns.join(',')}`,
            },
          ],
        });
      return rows;
    },
  };
}

/**
 * Parses a CSV text (UTF-8, with or without BOM, comma or semicolon) whose
 * header holds at least `columns` (any order, any case). Rows are returned as
 * text by column; a broken file (unclosed quote, missing header) is a
 * ValidationFailed for the whole file, and a file of more than `maxRows` data
 * rows a PayloadTooLarge for the whole file: nothing of it is read in part.
 */
export function parseCsv(
  text: string,
  columns: readonly string[],
  { maxRows = MAX_FILE_ROWS }: { maxRows?: number } = {},
): CsvRow[] {
  const { body, options } = csvOptions(text);
  const rows = rowCollector(columns, maxRows);
  let records: CsvRecord[];
  try {
    records = parse(body, options) as unknown as CsvRecord[];
  } catch (e) {
    throw unreadable(e);
  }
  for (const r of records) rows.add(r);
  return rows.rows();
}

/**
 * `parseCsv` for large files on the server: the same rows and the same
 * refusals, but the text is parsed a slice at a time (SLICE_BYTES) with a
 * turn of the event loop between slices, so that a 50,000-row file does not
 * hold every other request up while it is read.
 */
export async function parseCsvInSlices(
  text: string,
  columns: readonly string[],
  {
    maxRows = MAX_FILE_ROWS,
    aliases,
  }: { maxRows?: number; aliases?: Readonly<Record<string, string>> } = {},
): Promise<CsvRow[]> {
  const { body, options } = csvOptions(text);
  const rows = rowCollector(columns, maxRows, aliases);
  const bytes = Buffer.from(body);
  const parser = new Parser(options);
  parser.on('data', (r: CsvRecord) => rows.add(r));
  const done = finished(parser);
  // Seen when awaited below; until then a failure must not count as unhandled.
  done.catch(() => {});
  for (let at = 0; at < bytes.length && !parser.destroyed; at += SLICE_BYTES) {
    parser.write(bytes.subarray(at, at + SLICE_BYTES));
    await nextTurn();
  }
  if (!parser.destroyed) parser.end();
  try {
    await done;
  } catch (e) {
    throw unreadable(e);
  }
  return rows.rows();
}

/**
 * A text cell of a file the product writes (CSV or XLSX), safe to open in a
 * spreadsheet: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be read as a formula (a roster name `=HYPERLINK(…)` next to the
 * activation codes), so it gets a leading single quote (OWASP's rule for CSV
 * injection). What was imported is stored as it came; only exports change.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV field: text made formula-safe, then quoted when it holds a delimiter, quote or line break. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : spreadsheetText(value);
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
