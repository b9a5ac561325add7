import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { spreadsheetText } from './csv.ts';
import { DomainError } from './errors.ts';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function columnName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** One sheet of a workbook: its name (at most 31 characters are kept) and its rows. */
export interface XlsxSheet {
  name: string;
  rows: (string | number)[][];
}

function sheetXml(rows: (string | number)[][]): string {
  const sheetRows = rows
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          const ref = `${columnName(ci)}${ri + 1}`;
          return typeof v === 'number'
            ? `<c r="${ref}"><v>${v}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(spreadsheetText(v))}</t></is></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<sheetData>${sheetRows}</sheetData></worksheet>`
  );
}

/**
 * A one-sheet .xlsx workbook (minimal SpreadsheetML, zipped with fflate):
 * strings as inline strings (formula-safe, as in the CSV files), numbers as
 * numbers, the first row bold-free headers. Enough for Excel, LibreOffice and
 * payroll software to read.
 */
export function writeXlsx(sheetName: string, rows: (string | number)[][]): Uint8Array {
  return writeXlsxSheets([{ name: sheetName, rows }]);
}

/** A workbook of several sheets, in order, each written as `writeXlsx` writes its one. */
export function writeXlsxSheets(sheets: XlsxSheet[]): Uint8Array {
  const n = sheets.map((_, i) => i + 1);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        n
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name.slice(0, 31))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
        '</workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        n
          .map(
            (i) =>
              `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
          )
          .join('') +
        '</Relationships>',
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.rows))));
  return zipSync(files, { level: 6 });
}

/** Whether bytes are a ZIP archive (an .xlsx workbook is one): the local file header `PK\3\4`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The most one part of a workbook may unpack to (a zip bomb is refused, not inflated). */
const MAX_PART_BYTES = 64 * 1_048_576;

function unreadableWorkbook(why: string): DomainError {
  return new DomainError('ValidationFailed', {
    message: `Berkas XLSX tidak dapat dibaca (${why}); tidak ada yang disimpan.`,
    messageEn: `The XLSX file cannot be read (${why}); nothing was saved.`,
    details: [
      {
        path: '/file',
        message: 'bukan buku kerja XLSX yang dapat dibaca',
        messageEn: 'not a readable XLSX workbook',
      },
    ],
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : (ENTITIES[e.toLowerCase()] ?? m),
  );

/** The text of every `<t>` in a fragment (a shared string's runs, an inline string). */
const textOf = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** `BC12` → 54 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.toUpperCase().charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The first sheet of an .xlsx workbook as rows of text cells, with the sheet's
 * row numbers (row 1 is the spreadsheet's first row). Shared and inline
 * strings, numbers and booleans are read as the text they show; formulas give
 * their cached value, never run. Not a zip, no sheet, or a part over 64 MiB
 * unpacked: ValidationFailed for the whole file.
 */
export function readXlsx(bytes: Uint8Array): { row: number; cells: string[] }[] {
  if (!isZip(bytes)) throw unreadableWorkbook('bukan berkas ZIP/XLSX');
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) =>
        f.originalSize <= MAX_PART_BYTES &&
        (f.name === 'xl/workbook.xml' ||
          f.name === 'xl/_rels/workbook.xml.rels' ||
          f.name === 'xl/sharedStrings.xml' ||
          f.name.startsWith('xl/worksheets/')),
    });
  } catch (e) {
    throw unreadableWorkbook((e as Error).message);
  }
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  // The first sheet of the workbook, through its relationship; else the first worksheet part.
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(text('xl/workbook.xml') ?? '')?.[1];
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const target = rid
    ? [...rels.matchAll(/<Relationship\b[^>]*>/g)]
        .map((m) => m[0])
        .find((r) => r.includes(`Id="${rid}"`))
        ?.match(/Target="([^"]+)"/)?.[1]
    : undefined;
  const sheetName = target
    ? target.startsWith('/')
      ? target.slice(1)
      : `xl/${target}`
    : Object.keys(parts)
        .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
        .sort()[0];
  const sheet = sheetName ? text(sheetName) : undefined;
  if (sheet === undefined) throw unreadableWorkbook('tidak ada lembar kerja');
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => textOf(m[1]!),
  );
  const rows: { row: number; cells: string[] }[] = [];
  let next = 1;
  for (const r of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(/\br="(\d+)"/.exec(r[1]!)?.[1] ?? next);
    next = number + 1;
    const cells: string[] = [];
    let col = 0;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+\d*)"/i.exec(attrs)?.[1];
      if (ref) col = columnIndex(ref);
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      cells[col] =
        type === 'inlineStr'
          ? textOf(body)
          : type === 's'
            ? (shared[Number(v)] ?? '')
            : unescapeXml(v ?? '');
      col++;
    }
    rows.push({ row: number, cells: Array.from(cells, (x) => x ?? '') });
  }
  return rows;
}
