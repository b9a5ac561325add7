import { parseBcaCsv } from './csv-bca.ts';
import { parseMandiriCsv } from './csv-mandiri.ts';
import { decodeBankFile } from './decode.ts';
import { parseMt940 } from './mt940.ts';
import { parseSnapJson } from './snap-json.ts';
import { refuseFile, type BankFileFormat, type ParsedStatement } from './statement.ts';

export type { BankFileFormat, ParsedLine, ParsedStatement } from './statement.ts';
export { formatSen, normalizeAccountNo } from './statement.ts';

export const BANK_FILE_FORMATS: readonly BankFileFormat[] = [
  'mt940',
  'csv-bca',
  'csv-mandiri',
  'snap-json',
];

/** Which format a text is in, from its first lines; null when none fits. */
export function detectBankFormat(text: string): BankFileFormat | null {
  const head = text.trimStart().slice(0, 4000);
  if (head.startsWith('{"') || head.startsWith('{\n') || /^\{\s*"/.test(head)) return 'snap-json';
  if (/^\{1:/.test(head) || /^:20:/m.test(head)) return 'mt940';
  const lower = head.toLowerCase();
  if (lower.includes('account no') && lower.includes('val. date')) return 'csv-mandiri';
  if (/no\.?\s*rekening|tanggal transaksi/.test(lower) || /keterangan.*cabang/.test(lower))
    return 'csv-bca';
  return null;
}

/**
 * A bank file's bytes read whole in its format (`format`, or detected when
 * not given); refused (ValidationFailed) when the encoding, the format, a
 * line or the balances are wrong: nothing of a refused file is kept.
 */
export function parseBankFile(bytes: Uint8Array, format?: BankFileFormat): ParsedStatement {
  const text = decodeBankFile(bytes);
  const f = format ?? detectBankFormat(text);
  if (f === null)
    refuseFile(
      `format tidak dikenali; kirim MT940, CSV BCA, CSV Mandiri atau JSON SNAP BI (${BANK_FILE_FORMATS.join(', ')})`,
      `unknown format; send MT940, BCA CSV, Mandiri CSV or SNAP BI JSON (${BANK_FILE_FORMATS.join(', ')})`,
    );
  switch (f) {
    case 'mt940':
      return parseMt940(text);
    case 'csv-bca':
      return parseBcaCsv(text);
    case 'csv-mandiri':
      return parseMandiriCsv(text);
    case 'snap-json':
      return parseSnapJson(text);
  }
}
