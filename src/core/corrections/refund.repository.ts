import type { Db } from '../../db/database.ts';
import type { SaleRefundLineTable, SaleRefundTable } from './corrections.table.ts';

export async function findRefundById(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('saleRefund')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findRefundLines(db: Db, coopId: string, refundIds: string[]) {
  if (refundIds.length === 0) return [];
  return db
    .selectFrom('saleRefundLine')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('refundId', 'in', refundIds)
    .orderBy('refundId')
    .orderBy('saleLineNo')
    .execute();
}

/** The refunds of these sales, with what each gave back per sale line. */
export async function findRefundsOfSales(db: Db, coopId: string, saleIds: string[]) {
  if (saleIds.length === 0) return [];
  return db
    .selectFrom('saleRefund as r')
    .innerJoin('saleRefundLine as l', (j) =>
      j.onRef('l.orgId', '=', 'r.orgId').onRef('l.refundId', '=', 'r.id'),
    )
    .select(['r.id', 'r.saleId', 'l.saleLineNo', 'l.productId', 'l.qty', 'l.amount', 'l.costValue'])
    .where('r.orgId', '=', coopId)
    .where('r.saleId', 'in', saleIds)
    .orderBy('r.id')
    .orderBy('l.saleLineNo')
    .execute();
}

export async function insertRefund(
  db: Db,
  row: SaleRefundTable,
  lines: SaleRefundLineTable[],
): Promise<void> {
  await db.insertInto('saleRefund').values(row).execute();
  await db.insertInto('saleRefundLine').values(lines).execute();
}

export async function findAllRefundsWithSales(db: Db) {
  return db
    .selectFrom('saleRefundLine as l')
    .innerJoin('saleRefund as r', (j) =>
      j.onRef('r.orgId', '=', 'l.orgId').onRef('r.id', '=', 'l.refundId'),
    )
    .innerJoin('saleLine as s', (j) =>
      j
        .onRef('s.orgId', '=', 'r.orgId')
        .onRef('s.saleId', '=', 'r.saleId')
        .onRef('s.lineNo', '=', 'l.saleLineNo'),
    )
    .select([
      'r.orgId',
      'r.saleId',
      'l.saleLineNo',
      's.productId',
      's.qty as soldQty',
      's.costValue as soldCost',
      'l.qty',
      'l.costValue',
    ])
    .execute();
}
