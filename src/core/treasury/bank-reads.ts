import type { Db } from '../../db/database.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import {
  findBankLines,
  findBankStatements,
  type BankLineRow,
} from './bank-statement.repository.ts';
import type { BankLineStatus } from './bank-statement.table.ts';

/** A bank line as the hub reads it: amounts in rupiah (sen as decimals, rare: bank interest). */
export interface BankLineView {
  id: string;
  date: string;
  amount: number;
  direction: 'credit' | 'debit';
  remark: string;
  bankReference: string;
  status: BankLineStatus;
  cooperativeId?: string;
  cooperativeName?: string;
  paymentId?: string;
  supplierPaymentId?: string;
  supplierName?: string;
  dismissReason?: string;
}

export function toBankLineView(r: BankLineRow): BankLineView {
  return {
    id: r.id,
    date: r.lineDate,
    amount: r.amountSen / 100,
    direction: r.direction,
    remark: r.remark,
    bankReference: r.bankReference,
    status: r.status,
    ...(r.cooperativeId ? { cooperativeId: r.cooperativeId } : {}),
    ...(r.cooperativeName ? { cooperativeName: r.cooperativeName } : {}),
    ...(r.targetKind === 'payment' && r.targetId ? { paymentId: r.targetId } : {}),
    ...(r.targetKind === 'supplier_payment' && r.targetId ? { supplierPaymentId: r.targetId } : {}),
    ...(r.supplierName ? { supplierName: r.supplierName } : {}),
    ...(r.dismissReason ? { dismissReason: r.dismissReason } : {}),
  };
}

/** The hub's bank lines, newest first, by status, a page at a time. */
export async function listBankLines(
  db: Db,
  hubId: string,
  query: { status?: BankLineStatus; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 100;
  const rows = await findBankLines(db, hubId, {
    status: query.status,
    after: decodeCursor(query.cursor),
    limit,
  });
  const page = pageOf(rows, limit, (r) => [r.lineDate, r.id]);
  return { ...page, items: page.items.map(toBankLineView) };
}

/** The hub's imported files, newest first (the last 100). */
export async function listBankStatements(db: Db, hubId: string) {
  const rows = await findBankStatements(db, hubId, 100);
  return {
    items: rows.map((r) => ({
      id: r.id,
      format: r.format,
      accountNo: r.accountNo,
      ...(r.periodFrom ? { periodFrom: r.periodFrom } : {}),
      ...(r.periodTo ? { periodTo: r.periodTo } : {}),
      lines: r.lineCount,
      newLines: r.newLines,
      duplicates: r.duplicates,
      matched: r.matched,
      importedAt: r.createdAt,
    })),
  };
}
