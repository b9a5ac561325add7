import { isValidBusinessDate } from '../../shared/business-date.ts';
import { DomainError, type ErrorDetail } from '../../shared/errors.ts';

export type BankFileFormat = 'mt940' | 'csv-bca' | 'csv-mandiri' | 'snap-json';

/** One movement as the bank's file states it. */
export interface ParsedLine {
  /** The booking date (WIB), `YYYY-MM-DD`. */
  date: string;
  direction: 'credit' | 'debit';
  /** Exact, in sen (1/100 rupiah), > 0. */
  amountSen: number;
  /** The bank's own reference of the movement, '' when the format has none. */
  bankReference: string;
  /** The transfer's remark (MT940 :86:, the CSV's description, SNAP's remark). */
  remark: string;
}

/** A bank file read whole: its account (when the file names it), period and movements. */
export interface ParsedStatement {
  format: BankFileFormat;
  accountNo: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  lines: ParsedLine[];
  /** Rows the bank marked pending (not booked yet): left out. */
  pending: number;
}

/** The file is refused whole (422 ValidationFailed); nothing of it is kept. */
export function refuseFile(message: string, messageEn: string, details?: ErrorDetail[]): never {
  throw new DomainError('ValidationFailed', {
    message: `Berkas mutasi ditolak: ${message}`,
    messageEn: `The bank statement file is refused: ${messageEn}`,
    details: details ?? [{ path: '/file', message, messageEn }],
  });
}

/**
 * A decimal amount as sen, exactly: `1500000,00` (MT940's decimal comma) or
 * `1,500,000.00` / `.00` (the CSVs' thousands commas and decimal point). No
 * floating point: the digits are read as they stand.
 */
export function senOf(text: string, decimal: ',' | '.', where: string): number {
  const t = decimal === '.' ? text.trim().replace(/,/g, '') : text.trim();
  const re = decimal === ',' ? /^(\d*),(\d{0,2})$|^(\d+)$/ : /^(\d*)\.(\d{0,2})$|^(\d+)$/;
  const m = re.exec(t);
  if (!m || (m[1] === '' && m[2] === ''))
    refuseFile(
      `jumlah "${text}" tidak terbaca (${where})`,
      `amount "${text}" unreadable (${where})`,
    );
  const whole = m[3] ?? m[1] ?? '';
  const sen = Number(whole || '0') * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(sen))
    refuseFile(
      `jumlah "${text}" terlalu besar (${where})`,
      `amount "${text}" too large (${where})`,
    );
  return sen;
}

/** `Rp 1.234.567,89` for the messages that name a figure. */
export function formatSen(sen: number): string {
  const negative = sen < 0;
  const abs = Math.abs(sen);
  const whole = Math.trunc(abs / 100).toLocaleString('id-ID');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}Rp ${whole},${cents}`;
}

/** A calendar date from its parts, refused when it does not exist. */
export function dateOf(year: number, month: string, day: string, where: string): string {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isValidBusinessDate(date))
    refuseFile(`tanggal tidak valid (${where})`, `invalid date (${where})`);
  return date;
}

/** Opening balance + movements must equal the closing balance, to the sen. */
export function checkBalance(
  opening: number,
  lines: readonly ParsedLine[],
  closing: number,
  where: string,
  whereEn = where,
): void {
  const moved = lines.reduce(
    (s, l) => s + (l.direction === 'credit' ? l.amountSen : -l.amountSen),
    0,
  );
  if (opening + moved !== closing)
    refuseFile(
      `saldo awal ${formatSen(opening)} + mutasi ${formatSen(moved)} = ${formatSen(opening + moved)}, tetapi saldo akhir ${formatSen(closing)} (${where})`,
      `opening balance ${formatSen(opening)} + movements ${formatSen(moved)} = ${formatSen(opening + moved)}, but the closing balance is ${formatSen(closing)} (${whereEn})`,
    );
}

/** An account number as the bank writes it, without spaces, dots or dashes. */
export function normalizeAccountNo(text: string): string {
  return text.replace(/[\s.\-']/g, '').toUpperCase();
}
