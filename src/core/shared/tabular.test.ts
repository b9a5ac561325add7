import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from './tabular.ts';
import { writeXlsx } from './xlsx.ts';

/** A workbook as Excel saves one: shared strings, numbers, a skipped cell, an empty row, a second sheet. */
function excelLikeWorkbook(): Uint8Array {
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zipSync({
    'xl/workbook.xml': xml(
      '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
        '<sheet name="Data" sheetId="1" r:id="rId7"/><sheet name="Lain" sheetId="2" r:id="rId8"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': xml(
      '<Relationships><Relationship Id="rId8" Type="ws" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId7" Type="ws" Target="worksheets/sheet2.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': xml(
      '<sst><si><t>Nama</t></si><si><t>KODE_DESA</t></si><si><r><t>KDKMP </t></r><r><t xml:space="preserve">Tom &amp; Jerry</t></r></si>' +
        '<si><t>15.71.01.1001</t></si><si><t>=1+2</t></si></sst>',
    ),
    'xl/worksheets/sheet1.xml': xml(
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    ),
    'xl/worksheets/sheet2.xml': xml(
      '<worksheet><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>telepon</t></is></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2"><v>81234567890</v></c></row>' +
        '<row r="3"/>' +
        '<row r="5"><c r="A5" t="s"><v>4</v></c><c r="C5" t="str"><f>A1</f><v>x &lt; y</v></c></row>' +
        '</sheetData></worksheet>',
    ),
  });
}

describe('readTable', () => {
  it('reads the first sheet of an Excel workbook by its relationship, with its row numbers', async () => {
    expect(await readTable(excelLikeWorkbook(), ['nama', 'kode_desa'])).toEqual([
      {
        line: 2,
        values: {
          nama: 'KDKMP Tom & Jerry',
          '': '',
          kode_desa: '15.71.01.1001',
          telepon: '81234567890',
        },
      },
      { line: 5, values: { nama: '=1+2', '': '', kode_desa: 'x < y', telepon: '' } },
    ]);
  });

  it('reads what the export writer writes, and a CSV as text or as bytes alike', async () => {
    const rows = [
      ['nama', 'kode_desa'],
      ['-KDKMP', '15.71.01.1001'],
    ];
    const csv = 'nama;kode_desa\r\n-KDKMP;15.71.01.1001\r\n';
    const expected = [{ line: 2, values: { nama: "'-KDKMP", kode_desa: '15.71.01.1001' } }];
    // The writer makes a leading `-` formula-safe for spreadsheets; the reader keeps the cell as it is.
    expect(await readTable(writeXlsx('s', rows), ['nama', 'kode_desa'])).toEqual(expected);
    const plain = [{ line: 2, values: { nama: '-KDKMP', kode_desa: '15.71.01.1001' } }];
    expect(await readTable(csv, ['nama', 'kode_desa'])).toEqual(plain);
    expect(await readTable(strToU8(`\uFEFF${csv}`), ['nama', 'kode_desa'])).toEqual(plain);
  });

  it('refuses whole a workbook without the columns or over the row limit, and bytes that are neither', async () => {
    const book = writeXlsx('s', [
      ['nama', 'desa'],
      ['a', 'b'],
    ]);
    await expect(readTable(book, ['nama', 'kode_desa'])).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
    const many = writeXlsx('s', [
      ['nama', 'kode_desa'],
      ...Array.from({ length: 4 }, () => ['a', 'b']),
    ]);
    await expect(readTable(many, ['nama', 'kode_desa'], { maxRows: 3 })).rejects.toMatchObject({
      code: 'PayloadTooLarge',
    });
    await expect(readTable(new Uint8Array([0xc3, 0x28]), ['nama'])).rejects.toMatchObject({
      code: 'ValidationFailed',
    });
    await expect(readTable(strToU8('nama\nab\u0000c\n'), ['nama'])).rejects.toMatchObject({
      code: 'ValidationFailed',
      message: expect.stringContaining('baris 2'),
    });
  });
});
