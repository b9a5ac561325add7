import { wibDateOf } from '../../shared/business-date.ts';
import {
  checkBalance,
  refuseFile,
  senOf,
  type ParsedLine,
  type ParsedStatement,
} from './statement.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{value: "1500000.00", currency: "IDR"}` → sen. */
function amountOf(v: unknown, where: string): number {
  if (!isObject(v) || (typeof v.value !== 'string' && typeof v.value !== 'number'))
    refuseFile(`jumlah tidak ada (${where})`, `amount missing (${where})`);
  if (v.currency !== undefined && v.currency !== 'IDR')
    refuseFile(
      `hanya rupiah (IDR), bukan ${String(v.currency)} (${where})`,
      `rupiah (IDR) only, not ${String(v.currency)} (${where})`,
    );
  return senOf(String(v.value), '.', where);
}

/** An ISO 8601 instant (with its offset) → the WIB date; without an offset it is WIB already. */
function snapDate(v: unknown, where: string): string {
  const s = typeof v === 'string' ? v.trim() : '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m)
    refuseFile(
      `transactionDate "${s}" tidak terbaca (${where})`,
      `transactionDate "${s}" unreadable (${where})`,
    );
  if (!m[2]) return m[1]!;
  const instant = new Date(s);
  if (Number.isNaN(instant.getTime()))
    refuseFile(
      `transactionDate "${s}" tidak valid (${where})`,
      `transactionDate "${s}" invalid (${where})`,
    );
  return wibDateOf(instant);
}

/**
 * The answer of SNAP BI's Bank Statement API (`/v1.0/bank-statement`, saved
 * as a file): `detailData[]` of `{amount: {value, currency}, transactionDate,
 * remark, type: CREDIT|DEBIT}` (a `referenceNo` or `transactionId` where the
 * bank adds one), and when present `balance[0]` with `startingBalance` and
 * `endingBalance`, which the movements must join to the sen.
 */
export function parseSnapJson(text: string): ParsedStatement {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    refuseFile('JSON rusak atau terpotong', 'the JSON is broken or truncated');
  }
  if (!isObject(doc) || !Array.isArray(doc.detailData))
    refuseFile('JSON SNAP tanpa detailData[]', 'SNAP JSON without detailData[]');
  const code = doc.responseCode;
  if (typeof code === 'string' && !code.startsWith('200'))
    refuseFile(
      `jawaban bank adalah galat ${code} ${String(doc.responseMessage ?? '')}`.trim(),
      `the bank's answer is error ${code} ${String(doc.responseMessage ?? '')}`.trim(),
    );
  const lines: ParsedLine[] = doc.detailData.map((d: unknown, i: number): ParsedLine => {
    const where = `detailData[${i}]`;
    if (!isObject(d)) refuseFile(`${where} bukan objek`, `${where} is not an object`);
    const type = String(d.type ?? '').toUpperCase();
    if (type !== 'CREDIT' && type !== 'DEBIT')
      refuseFile(`${where}.type harus CREDIT atau DEBIT`, `${where}.type must be CREDIT or DEBIT`);
    const amountSen = amountOf(d.amount, where);
    if (amountSen <= 0) refuseFile(`jumlah nol (${where})`, `zero amount (${where})`);
    const ref = d.referenceNo ?? d.transactionId ?? '';
    return {
      date: snapDate(d.transactionDate, where),
      direction: type === 'CREDIT' ? 'credit' : 'debit',
      amountSen,
      bankReference: typeof ref === 'string' ? ref.trim() : String(ref),
      remark: String(d.remark ?? '')
        .replace(/\s+/g, ' ')
        .trim(),
    };
  });
  const balance = Array.isArray(doc.balance) ? doc.balance[0] : undefined;
  if (
    isObject(balance) &&
    balance.startingBalance !== undefined &&
    balance.endingBalance !== undefined
  )
    checkBalance(
      amountOf(balance.startingBalance, 'balance.startingBalance'),
      lines,
      amountOf(balance.endingBalance, 'balance.endingBalance'),
      'SNAP',
    );
  const dates = lines.map((l) => l.date).sort();
  return {
    format: 'snap-json',
    accountNo: null,
    periodFrom: dates[0] ?? null,
    periodTo: dates[dates.length - 1] ?? null,
    lines,
    pending: 0,
  };
}
