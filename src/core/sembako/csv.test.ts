import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { parseCsv, spreadsheetText, toCsv } from './csv.ts';
import { writeXlsx } from './xlsx.ts';

describe('cells a spreadsheet would run as formulas', () => {
  const dangerous = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x","y")'];

  it('get a leading single quote; other text and numbers stay as they are', () => {
    for (const v of dangerous) expect(spreadsheetText(v)).toBe(`'${v}`);
    for (const v of ['Budi Santoso', "'=already", ' =1', '1-2', 'a=b', ''])
      expect(spreadsheetText(v)).toBe(v);
  });

  it('in a CSV file: escaped, then quoted where needed, read back to the escaped text', () => {
    const csv = toCsv(['nama', 'jumlah'], [...dangerous.map((v) => [v, -5]), ['Siti', 50_000]]);
    const rows = parse(csv, { columns: true }) as { nama: string; jumlah: string }[];
    expect(rows.map((r) => r.nama)).toEqual([...dangerous.map((v) => `'${v}`), 'Siti']);
    // Numbers are numbers, not text: a negative amount is not escaped.
    expect(rows[0]!.jumlah).toBe('-5');
  });

  it('in an XLSX sheet: the same text, numbers still numbers', () => {
    const sheet = strFromU8(
      unzipSync(
        writeXlsx('S', [
          ['nama', 'jumlah'],
          ['+62 811', -5],
        ]),
      )['xl/worksheets/sheet1.xml']!,
    );
    expect(sheet).toContain(">'+62 811</t>");
    expect(sheet).toContain('<v>-5</v>');
  });
});

describe('parseCsv row limit', () => {
  const file = (rows: number) => `nip,nama\n${'1,a\n'.repeat(rows)}`;

  it('reads a file of exactly the limit', () => {
    expect(parseCsv(file(3), ['nip', 'nama'], { maxRows: 3 })).toHaveLength(3);
  });

  it('refuses a file over the limit whole, naming the limit and the count', () => {
    const err = (() => {
      try {
        parseCsv(file(4), ['nip', 'nama'], { maxRows: 3 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'PayloadTooLarge',
      messageEn: expect.stringMatching(/4 rows; at most 3/),
    });
  });
});
