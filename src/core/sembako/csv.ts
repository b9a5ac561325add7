import { parse } from 'csv-parse/sync';
import { DomainError } from '../shared/errors.ts';

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

const thousandsId = new Intl.NumberFormat('id-ID');
const thousandsEn = new Intl.NumberFormat('en');

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
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = delimiterOf(firstLine);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new DomainError('ValidationFailed', {
      message: `Berkas CSV tidak dapat dibaca: ${(e as Error).message}`,
      messageEn: `The CSV file cannot be read: ${(e as Error).message}`,
      details: [{ path: '/csv', message: 'not a readable CSV file' }],
    });
  }
  const rows = records.length - 1;
  if (rows > maxRows)
    throw new DomainError('PayloadTooLarge', {
      message: `Berkas memuat ${thousandsId.format(rows)} baris data; paling banyak ${thousandsId.format(maxRows)} baris per berkas. Bagi menjadi beberapa berkas; tidak ada yang disimpan.`,
      messageEn: `The file holds ${thousandsEn.format(rows)} rows; at most ${thousandsEn.format(maxRows)} rows per file. Split it into several files; nothing was saved.`,
      details: [{ path: '/csv', message: `at most ${maxRows} rows per file, got ${rows}` }],
    });
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length)
    throw new DomainError('ValidationFailed', {
      message: `Baris judul CSV harus memuat kolom ${columns.join(',')}; tidak ada: ${missing.join(', ')}`,
      messageEn: `The CSV header must hold ${columns.join(',')}; missing: ${missing.join(', ')}`,
      details: [{ path: '/csv', message: `header must hold ${columns.join(',')}` }],
    });
  return records.slice(1).map((r) => ({
    line: r.info.lines,
    values: Object.fromEntries(header.map((h, i) => [h, (r.record[i] ?? '').trim()])),
  }));
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
