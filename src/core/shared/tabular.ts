import { MAX_FILE_ROWS, parseCsvInSlices, rowCollector, type CsvRow } from './csv.ts';
import { DomainError } from './errors.ts';
import { isZip, readXlsx } from './xlsx.ts';

/**
 * The rows of an imported table, CSV or XLSX, by column (any order, any
 * case), each with the line or sheet row it came from (the header is row 1):
 * a text is read as CSV (`parseCsvInSlices`: comma or semicolon, BOM, a turn
 * of the event loop per slice); bytes as XLSX when they are a ZIP archive,
 * else as UTF-8 CSV. A file that cannot be read (not UTF-8, a broken
 * workbook), without the columns, or over `maxRows` data rows is refused
 * whole (ValidationFailed, PayloadTooLarge) before anything is written.
 * `aliases` maps other header names (lower case) to the columns they stand for.
 * Cells are kept as they come (trimmed): a leading `=`, `+`, `-` or `@` is
 * text, never evaluated.
 */
export async function readTable(
  file: string | Uint8Array,
  columns: readonly string[],
  {
    maxRows = MAX_FILE_ROWS,
    aliases,
  }: { maxRows?: number; aliases?: Readonly<Record<string, string>> } = {},
): Promise<CsvRow[]> {
  if (typeof file === 'string') return parseCsvInSlices(file, columns, { maxRows, aliases });
  if (!isZip(file)) {
    const text = utf8(file);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) throw holdsNul(text.slice(0, nul).split('\n').length);
    return parseCsvInSlices(text, columns, { maxRows, aliases });
  }
  const rows = rowCollector(columns, maxRows, aliases);
  for (const { row, cells } of readXlsx(file)) {
    const record = cells.map((c) => c.trim());
    if (record.some((c) => c.includes('\u0000'))) throw holdsNul(row);
    // As the CSV reader skips empty lines.
    if (record.some((c) => c !== '')) rows.add({ record, info: { lines: row } });
  }
  return rows.rows();
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('ValidationFailed', {
      message: 'Berkas bukan teks UTF-8 maupun XLSX; tidak ada yang disimpan.',
      messageEn: 'The file is neither UTF-8 text nor XLSX; nothing was saved.',
      details: [
        {
          path: '/file',
          message: 'bukan teks UTF-8 atau buku kerja XLSX',
          messageEn: 'not UTF-8 text or an XLSX workbook',
        },
      ],
    });
  }
}

/** A file holding U+0000 is refused whole, as `plugins/input.ts` refuses a CSV body holding one. */
function holdsNul(line: number): DomainError {
  return new DomainError('ValidationFailed', {
    message: `Berkas ditolak seluruhnya: berisi karakter NUL (U+0000) di baris ${line}; tidak ada yang disimpan.`,
    messageEn: `The file is refused whole: it holds a NUL character (U+0000) on line ${line}; nothing was saved.`,
    details: [
      {
        path: '/file',
        message: `berisi karakter NUL (U+0000) di baris ${line}`,
        messageEn: `holds a NUL character (U+0000) on line ${line}`,
      },
    ],
  });
}
