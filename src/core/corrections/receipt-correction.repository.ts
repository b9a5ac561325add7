import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ReceiptCorrectionLineTable, ReceiptCorrectionTable } from './corrections.table.ts';

export async function findReceiptCorrectionById(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('receiptCorrection')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findReceiptCorrectionLines(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('receiptCorrectionLine')
    .select(['productId', 'qty'])
    .where('orgId', '=', coopId)
    .where('correctionId', '=', id)
    .orderBy('productId')
    .execute();
}

/** The corrections of a receipt (by its document id). */
export async function findCorrectionsOfReceipt(db: Db, orgId: string, receiptId: string) {
  return db
    .selectFrom('receiptCorrection')
    .select(['id'])
    .where('orgId', '=', orgId)
    .where('receiptId', '=', receiptId)
    .orderBy('id')
    .execute();
}

export async function findOrderForCorrection(db: Db, id: string) {
  const order = await db
    .selectFrom('deliveryOrder')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!order) return undefined;
  const lines = await db
    .selectFrom('deliveryOrderLine')
    .selectAll()
    .where('orgId', '=', order.orgId)
    .where('deliveryOrderId', '=', id)
    .orderBy('lineNo')
    .execute();
  return { order, lines };
}

export async function insertReceiptCorrection(
  db: Db,
  row: ReceiptCorrectionTable,
  lines: ReceiptCorrectionLineTable[],
): Promise<void> {
  await db.insertInto('receiptCorrection').values(row).execute();
  await db.insertInto('receiptCorrectionLine').values(lines).execute();
}

export async function setLineReceived(
  db: Db,
  orgId: string,
  orderId: string,
  lineNo: number,
  qtyReceived: number,
  receivedValue: number,
) {
  await db
    .updateTable('deliveryOrderLine')
    .set({ qtyReceived, receivedValue })
    .where('orgId', '=', orgId)
    .where('deliveryOrderId', '=', orderId)
    .where('lineNo', '=', lineNo)
    .execute();
}

/** Per order line: dispatched, received at the receipt (its facts) and Σ corrections, for verify. */
export async function findCorrectedReceipts(db: Db) {
  return db
    .selectFrom('receiptCorrection as c')
    .innerJoin('receiptCorrectionLine as l', (j) =>
      j.onRef('l.orgId', '=', 'c.orgId').onRef('l.correctionId', '=', 'c.id'),
    )
    .innerJoin('deliveryOrderLine as o', (j) =>
      j
        .onRef('o.orgId', '=', 'c.orgId')
        .onRef('o.deliveryOrderId', '=', 'c.deliveryOrderId')
        .onRef('o.productId', '=', 'l.productId'),
    )
    .select(['c.receiptId', 'c.deliveryOrderId', 'l.productId', 'l.qty', 'o.qty as dispatched'])
    .execute();
}

/** Units each receipt put in the store, per product (from its stock moves). */
export async function findReceivedAtReceipts(db: Db, receiptIds: string[]) {
  if (receiptIds.length === 0) return [];
  return db
    .selectFrom('stockMove as m')
    .innerJoin('location as l', 'l.id', 'm.toLocationId')
    .select(['m.docId', 'm.productId', sql<number>`sum(m.qty)`.as('qty')])
    .where('m.docType', '=', 'delivery_receipt')
    .where('m.docId', 'in', receiptIds)
    .where('l.kind', '=', 'store')
    .groupBy(['m.docId', 'm.productId'])
    .execute();
}
