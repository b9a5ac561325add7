import { parse } from 'csv-parse/sync';
import { refuseFile } from './statement.ts';

interface InfoRecord {
  record: string[];
  info: { lines: number };
}

/** A record csv-parse gives with `info: true` (its types say `string[]`). */
function isRow(r: unknown): r is InfoRecord {
  return typeof r === 'object' && r !== null && 'record' in r && 'info' in r;
}

/**
 * The rows of a bank's CSV export (comma-separated, `"…"` quoted fields), each
 * with the file line it ends on; blank lines left out, cells trimmed. A quote
 * never closed means the file was cut short: refused.
 */
export function csvRows(text: string): { cells: string[]; line: number }[] {
  try {
    const records: unknown[] = parse(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
    return records
      .filter(isRow)
      .flatMap((r) =>
        r.record.some((c) => c !== '') ? [{ cells: r.record, line: r.info.lines }] : [],
      );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refuseFile(
      `CSV rusak atau terpotong (${why})`,
      `the CSV is broken or truncated (${why})`,
    );
  }
}

/** A header cell compared loosely: lower case, no quotes, apostrophes or spaces around. */
export const headerKey = (cell: string) =>
  cell
    .replace(/^['"]+|['"]+$/g, '')
    .trim()
    .toLowerCase();
