import { csvRows, headerKey } from './csv-rows.ts';
import {
  dateOf,
  normalizeAccountNo,
  refuseFile,
  senOf,
  type ParsedLine,
  type ParsedStatement,
} from './statement.ts';

/** `01/09/26` or `01/09/2026` → a date. */
function mandiriDate(cell: string, line: number): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(cell.trim());
  if (!m)
    refuseFile(
      `tanggal "${cell}" tidak terbaca di baris ${line}`,
      `date "${cell}" unreadable on line ${line}`,
    );
  return dateOf(Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]), m[2]!, m[1]!, `line ${line}`);
}

/**
 * Mandiri (Kopra / MCM) "mutasi rekening" CSV: `Account No,Date,Val. Date,
 * Transaction Code,Description,Description,Reference No.,Debit,Credit`, dates
 * `DD/MM/YY`, amounts `1,500,000.00` and `.00` in the column not used. A row
 * whose date is `PEND` is not booked yet and is left out. The export carries
 * no balances, so no balance check is possible; a row shorter than the header
 * means a truncated file.
 */
export function parseMandiriCsv(text: string): ParsedStatement {
  const rows = csvRows(text);
  const headerAt = rows.findIndex((r) => r.cells.map(headerKey).includes('account no'));
  if (headerAt < 0)
    refuseFile(
      'kepala tabel Mandiri (Account No, Date, …, Debit, Credit) tidak ditemukan',
      'the Mandiri table header (Account No, Date, …, Debit, Credit) was not found',
    );
  const header = rows[headerAt]!.cells.map(headerKey);
  const col = (name: string) => header.indexOf(name);
  const [acctCol, dateCol, refCol, debitCol, creditCol] = [
    col('account no'),
    col('date'),
    col('reference no.'),
    col('debit'),
    col('credit'),
  ];
  const descCols = header.flatMap((h, i) => (h === 'description' ? [i] : []));
  if (dateCol < 0 || debitCol < 0 || creditCol < 0 || !descCols.length)
    refuseFile(
      'kolom Date, Description, Debit atau Credit tidak ada',
      'no Date, Description, Debit or Credit column',
    );
  let account: string | null = null;
  let pending = 0;
  const lines: ParsedLine[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    if (/^pend/i.test(r.cells[dateCol] ?? '') || /^pend/i.test(r.cells[dateCol + 1] ?? '')) {
      pending++;
      continue;
    }
    if (r.cells.length < header.length)
      refuseFile(
        `baris ${r.line} tidak lengkap (${r.cells.length} dari ${header.length} kolom); berkas terpotong?`,
        `line ${r.line} is incomplete (${r.cells.length} of ${header.length} columns); is the file truncated?`,
      );
    const no = normalizeAccountNo(r.cells[acctCol] ?? '');
    if (account !== null && no !== account)
      refuseFile(
        `satu berkas untuk satu rekening (${account} dan ${no})`,
        `one file per account (${account} and ${no})`,
      );
    account = no;
    const debit = senOf(r.cells[debitCol] || '0', '.', `line ${r.line}`);
    const credit = senOf(r.cells[creditCol] || '0', '.', `line ${r.line}`);
    if (debit > 0 === credit > 0)
      refuseFile(
        `baris ${r.line} harus punya tepat satu dari Debit atau Credit`,
        `line ${r.line} must have exactly one of Debit or Credit`,
      );
    lines.push({
      date: mandiriDate(r.cells[dateCol] ?? '', r.line),
      direction: credit > 0 ? 'credit' : 'debit',
      amountSen: credit > 0 ? credit : debit,
      bankReference: refCol >= 0 ? (r.cells[refCol] ?? '').trim() : '',
      remark: descCols
        .map((i) => r.cells[i] ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    });
  }
  const dates = lines.map((l) => l.date).sort();
  return {
    format: 'csv-mandiri',
    accountNo: account,
    periodFrom: dates[0] ?? null,
    periodTo: dates[dates.length - 1] ?? null,
    lines,
    pending,
  };
}
