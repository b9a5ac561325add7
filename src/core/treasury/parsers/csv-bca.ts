import { csvRows, headerKey } from './csv-rows.ts';
import {
  checkBalance,
  dateOf,
  normalizeAccountNo,
  refuseFile,
  senOf,
  type ParsedLine,
  type ParsedStatement,
} from './statement.ts';

const DATE_HEADERS = ['tanggal transaksi', 'tanggal', 'date'];

/** `'01/09/2026` or `01/09` (the year from the period) → a date. */
function bcaDate(cell: string, to: string | null, line: number): string {
  const m = /^'?(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(cell);
  if (!m)
    refuseFile(
      `tanggal "${cell}" tidak terbaca di baris ${line}`,
      `date "${cell}" unreadable on line ${line}`,
    );
  // Without a year: the period's end year, or the one before for a month after the period's end.
  const endYear = to === null ? null : Number(to.slice(0, 4));
  const late = to !== null && Number(m[2]) > Number(to.slice(5, 7));
  const y = m[3]
    ? Number(m[3].length === 2 ? `20${m[3]}` : m[3])
    : endYear && (late ? endYear - 1 : endYear);
  if (!y)
    refuseFile(
      `baris ${line} tidak menyebut tahun dan berkas tidak punya baris Periode`,
      `line ${line} has no year and the file has no Periode line`,
    );
  return dateOf(y, m[2]!, m[1]!, `line ${line}`);
}

/** The value of a `Label : value` line of the export's head or foot (`:` in the cell or its own cell). */
function labelled(cells: string[]): string {
  const joined = cells.join(',');
  const i = joined.indexOf(':');
  return (i >= 0 ? joined.slice(i + 1) : cells.slice(1).join(',')).replace(/^[\s,]+|[\s,]+$/g, '');
}

/**
 * KlikBCA's "mutasi rekening" CSV: a head (`No. rekening : …`, `Nama : …`,
 * `Periode : 01/09/2026 - 30/09/2026`, `Kode Mata Uang : Rp`), the table
 * `Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo` (dates `'DD/MM` or
 * `'DD/MM/YYYY`, the amount followed by CR or DB in its own column or the same
 * cell; `PEND` in the date column for a movement not yet booked, left out),
 * and a foot `Saldo Awal`, `Mutasi Kredit`, `Mutasi Debet`, `Saldo Akhir`.
 * When the foot is there, opening + movements must equal the closing balance.
 * BCA gives no reference per movement.
 */
export function parseBcaCsv(text: string): ParsedStatement {
  const rows = csvRows(text);
  let account: string | null = null;
  let from: string | null = null;
  let to: string | null = null;
  const headerAt = rows.findIndex((r) => DATE_HEADERS.includes(headerKey(r.cells[0] ?? '')));
  if (headerAt < 0)
    refuseFile(
      'kepala tabel BCA (Tanggal Transaksi, Keterangan, Cabang, Jumlah) tidak ditemukan',
      'the BCA table header (Tanggal Transaksi, Keterangan, Cabang, Jumlah) was not found',
    );
  for (const r of rows.slice(0, headerAt)) {
    const key = headerKey(r.cells[0] ?? '');
    if (/^no\.?\s*rek/.test(key)) account = normalizeAccountNo(labelled(r.cells));
    const period = /(\d{2})\/(\d{2})\/(\d{4})\s*-\s*(\d{2})\/(\d{2})\/(\d{4})/.exec(
      r.cells.join(','),
    );
    if (/^periode/.test(key) && period) {
      from = dateOf(Number(period[3]), period[2]!, period[1]!, 'Periode');
      to = dateOf(Number(period[6]), period[5]!, period[4]!, 'Periode');
    }
  }
  const header = rows[headerAt]!.cells.map(headerKey);
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const remarkCol = col('keterangan', 'description');
  const amountCol = col('jumlah', 'amount', 'mutasi');
  if (remarkCol < 0 || amountCol < 0)
    refuseFile('kolom Keterangan atau Jumlah tidak ada', 'no Keterangan or Jumlah column');
  const lines: ParsedLine[] = [];
  let pending = 0;
  const foot = new Map<string, number>();
  for (const r of rows.slice(headerAt + 1)) {
    const first = headerKey(r.cells[0] ?? '');
    if (/^(saldo awal|saldo akhir|mutasi kredit|mutasi debet|mutasi debit)/.test(first)) {
      // `Saldo Awal,:,1000000.00`, `Saldo Awal,"1,000,000.00"` or `Saldo Awal : 1000000.00`.
      const inCell = /:\s*(.+)$/.exec(r.cells[0] ?? '')?.[1];
      const value = inCell ?? r.cells.slice(1).find((c) => c !== '' && c !== ':') ?? '';
      foot.set(first.replace(/\s*:.*$/, ''), senOf(value, '.', `line ${r.line}`));
      continue;
    }
    if (foot.size)
      refuseFile(
        `baris ${r.line} sesudah saldo akhir`,
        `line ${r.line} comes after the closing balance`,
      );
    if (first === 'pend') {
      pending++;
      continue;
    }
    const amountCell = r.cells[amountCol] ?? '';
    const mark = /\b(CR|DB)\s*$/i.exec(amountCell)?.[1] ?? r.cells[amountCol + 1] ?? '';
    const direction = /^cr$/i.test(mark.trim())
      ? 'credit'
      : /^db$/i.test(mark.trim())
        ? 'debit'
        : null;
    if (direction === null || r.cells.length <= remarkCol)
      refuseFile(
        `baris ${r.line} tidak lengkap (tanpa CR/DB); berkas terpotong?`,
        `line ${r.line} is incomplete (no CR/DB); is the file truncated?`,
      );
    const amountSen = senOf(amountCell.replace(/\s*(CR|DB)\s*$/i, ''), '.', `line ${r.line}`);
    if (amountSen <= 0) continue;
    lines.push({
      date: bcaDate(r.cells[0] ?? '', to, r.line),
      direction,
      amountSen,
      bankReference: '',
      remark: (r.cells[remarkCol] ?? '').replace(/\s+/g, ' ').trim(),
    });
  }
  const opening = foot.get('saldo awal');
  const closing = foot.get('saldo akhir');
  if (foot.size && (opening === undefined || closing === undefined))
    refuseFile(
      'saldo awal atau saldo akhir tidak ada; berkas terpotong?',
      'opening or closing balance missing; is the file truncated?',
    );
  if (opening !== undefined && closing !== undefined) checkBalance(opening, lines, closing, 'BCA');
  return { format: 'csv-bca', accountNo: account, periodFrom: from, periodTo: to, lines, pending };
}
