import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { paymentReferencesIn } from './bank-reference.ts';
import { occurrencesOf } from './bank-import.ts';
import { detectBankFormat, parseBankFile, type BankFileFormat } from './parsers/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url));

/** The refusal a broken file gets: its (Indonesian) message. */
function refusal(bytes: Uint8Array, format?: BankFileFormat): string {
  try {
    parseBankFile(bytes, format);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('ValidationFailed');
    return e instanceof Error ? e.message : '';
  }
  throw new Error('the file was not refused');
}

describe('bank statement parsers', () => {
  it('reads a Mandiri MT940 with two messages, several :61:/:86: pairs, wrapped :86:, RC/RD and entry dates', () => {
    const s = parseBankFile(fixture('mandiri.mt940'));
    expect(s).toMatchObject({
      format: 'mt940',
      accountNo: '1150007771234',
      periodFrom: '2026-09-30',
      periodTo: '2026-10-04',
      pending: 0,
    });
    expect(s.lines).toHaveLength(9);
    expect(s.lines[0]).toEqual({
      date: '2026-10-01',
      direction: 'credit',
      amountSen: 1_500_000_00,
      bankReference: 'FT26274ABC01',
      remark: 'TRF DARI KDKMP LEGOK LMB15710110014 PEMBAYARAN TAGIHAN SEPTEMB ER 2026',
    });
    // A :86: line cut at 65 characters continues the word it cut.
    expect(s.lines[4]!.remark).toContain('FAKTUR NO 2026-0917');
    // No bank reference (NONREF): ''.
    expect(s.lines[3]).toMatchObject({
      direction: 'debit',
      amountSen: 6_500_00,
      bankReference: '',
    });
    // RD (a reversed debit) is money in, RC (a reversed credit) money out.
    expect(s.lines[5]).toMatchObject({ direction: 'credit', amountSen: 100_000_00 });
    expect(s.lines[8]).toMatchObject({ direction: 'debit', amountSen: 20_000_00 });
    // Two identical lines in one statement: told apart by their order.
    expect(occurrencesOf(s.lines).slice(6, 8)).toEqual([1, 2]);
  });

  it('reads the KlikBCA CSV: its head, CR/DB, a year end, PEND left out, balances checked', () => {
    const s = parseBankFile(fixture('klikbca.csv'));
    expect(s).toMatchObject({
      format: 'csv-bca',
      accountNo: '0613005678',
      periodFrom: '2026-12-28',
      periodTo: '2027-01-03',
      pending: 1,
    });
    expect(s.lines.map((l) => [l.date, l.direction, l.amountSen])).toEqual([
      ['2026-12-30', 'credit', 1_500_000_00],
      ['2027-01-02', 'debit', 2_500_000_00],
      ['2027-01-03', 'debit', 10_000_00],
    ]);
    const broken = readFileSync(
      new URL('../../../test/fixtures/bank/klikbca.csv', import.meta.url),
      'utf8',
    ).replace('Saldo Akhir,:,8990000.00', 'Saldo Akhir,:,9990000.00');
    expect(refusal(Buffer.from(broken))).toMatch(/saldo akhir Rp 9\.990\.000,00/);
  });

  it('reads the Mandiri CSV: both descriptions, the reference, PEND left out', () => {
    const s = parseBankFile(fixture('mandiri.csv'));
    expect(s).toMatchObject({ format: 'csv-mandiri', accountNo: '1150007771234', pending: 1 });
    expect(s.lines).toHaveLength(3);
    expect(s.lines[0]).toMatchObject({
      date: '2026-10-01',
      direction: 'credit',
      amountSen: 1_500_000_00,
      bankReference: 'FT26274ABC01',
    });
    expect(paymentReferencesIn(s.lines[0]!.remark)).toEqual(['LMB15710110014']);
    expect(s.lines[1]).toMatchObject({ direction: 'debit', amountSen: 2_500_000_00 });
  });

  it('reads the SNAP BI bank statement JSON, dates in WIB, balances checked', () => {
    const s = parseBankFile(fixture('snap-bank-statement.json'));
    expect(s.format).toBe('snap-json');
    expect(s.accountNo).toBeNull();
    expect(s.lines).toHaveLength(6);
    // 18:30 UTC on 30 September is 1 October in WIB.
    expect(s.lines[1]).toMatchObject({
      date: '2026-10-01',
      direction: 'credit',
      amountSen: 750_000_00,
    });
    expect(s.lines[5]).toMatchObject({ bankReference: 'FT26276QQQ02' });
    const text = fixture('snap-bank-statement.json').toString('utf8');
    expect(
      refusal(
        Buffer.from(
          text.replace(
            '"25843500.00", "currency": "IDR" }\n',
            '"25843600.00", "currency": "IDR" }\n',
          ),
        ),
      ),
    ).toMatch(/saldo akhir Rp 25\.843\.600,00/);
    expect(refusal(Buffer.from(text.slice(0, 900)))).toMatch(/JSON rusak atau terpotong/);
  });

  it('detects each format from the file', () => {
    expect(detectBankFormat(fixture('mandiri.mt940').toString())).toBe('mt940');
    expect(detectBankFormat(fixture('klikbca.csv').toString())).toBe('csv-bca');
    expect(detectBankFormat(fixture('mandiri.csv').toString())).toBe('csv-mandiri');
    expect(detectBankFormat(fixture('snap-bank-statement.json').toString())).toBe('snap-json');
    expect(detectBankFormat('Tanggal;Nilai\n01/10;5\n')).toBeNull();
  });

  it('refuses broken files whole with a clear reason', () => {
    expect(refusal(fixture('mandiri-balance-mismatch.mt940'))).toBe(
      'Berkas mutasi ditolak: saldo awal Rp 25.000.000,00 + mutasi Rp 843.500,00 = Rp 25.843.500,00, tetapi saldo akhir Rp 25.844.500,00 (pernyataan 1)',
    );
    expect(refusal(fixture('mandiri-truncated.mt940'))).toMatch(/terpotong/);
    const noEnvelope = fixture('mandiri.mt940')
      .toString()
      .split('-}')[0]!
      .replace(/^\{1:.*\{4:\r?\n/, '');
    expect(refusal(Buffer.from(noEnvelope.slice(0, noEnvelope.indexOf(':62F:'))))).toMatch(
      /terpotong: saldo akhir \(:62F:\) tidak ada/,
    );
    const csv = fixture('mandiri.csv').toString();
    expect(refusal(Buffer.from(csv.slice(0, csv.lastIndexOf(','))))).toMatch(/terpotong/);
    expect(refusal(Buffer.from(csv.slice(0, csv.lastIndexOf(',".00"'))))).toMatch(/tidak lengkap/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    expect(refusal(utf16)).toMatch(/UTF-16/);
    const latin1 = Buffer.from(csv.replace('KDKMP LEGOK', 'KOPERASI SÉJAHTERA'), 'latin1');
    expect(refusal(latin1)).toMatch(/bukan teks UTF-8/);
    expect(refusal(Buffer.from('just text\n'))).toMatch(/format tidak dikenali/);
    expect(refusal(new Uint8Array())).toMatch(/kosong/);
    // A UTF-8 byte order mark is fine.
    expect(
      parseBankFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('mandiri.csv')])).lines,
    ).toHaveLength(3);
  });

  it('finds payment references with spaces and lower case, only with the right check digit', () => {
    expect(paymentReferencesIn('trf lmb 1571 0110 014 kdkmp')).toEqual(['LMB15710110014']);
    expect(paymentReferencesIn('TRF LMB15710110015')).toEqual([]);
    expect(paymentReferencesIn('LMB15710110014 / LMB15710110022')).toEqual([
      'LMB15710110014',
      'LMB15710110022',
    ]);
  });
});
