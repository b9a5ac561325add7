import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DocType } from '../shared/doc-type.ts';
import type { ReversalTable, ReversibleDocType } from './corrections.table.ts';

export async function findReversalById(db: Db, id: string) {
  return db.selectFrom('reversal').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReversalOfDocument(db: Db, docType: ReversibleDocType, docId: string) {
  return db
    .selectFrom('reversal')
    .selectAll()
    .where('docType', '=', docType)
    .where('docId', '=', docId)
    .executeTakeFirst();
}

/**
 * Which of these documents are reversed, and by which reversal. Sales of one cooperative
 * (`cooperativeId`): a pickup's order is looked for only in the tenants of the sponsors whose orders
 * picked up there were reversed (a reversal keeps the pickup's cooperative).
 */
export async function findReversalsOfDocuments(
  db: Db,
  docType: ReversibleDocType,
  docIds: string[],
  cooperativeId?: string,
): Promise<Map<string, string>> {
  if (docIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reversal')
    .select(['id', 'docId'])
    .where('docType', '=', docType)
    .where('docId', 'in', docIds)
    .execute();
  const by = new Map(rows.map((r) => [r.docId, r.id]));
  if (docType === 'sale') {
    // A Sembako pickup's sale is reversed through its order: reversed with it.
    let sponsors: string[] | undefined;
    if (cooperativeId !== undefined) {
      const of = await db
        .selectFrom('reversal')
        .select('orgId')
        .distinct()
        .where('docType', '=', 'sembako_order')
        .where('cooperativeId', '=', cooperativeId)
        .execute();
      sponsors = of.map((r) => r.orgId);
      if (sponsors.length === 0) return by;
    }
    let q = db
      .selectFrom('reversal as r')
      .innerJoin('sembakoOrder as o', (j) =>
        j.onRef('o.orgId', '=', 'r.orgId').onRef('o.id', '=', 'r.docId'),
      )
      .select(['o.saleId', 'r.id'])
      .where('r.docType', '=', 'sembako_order')
      .where('o.saleId', 'in', docIds);
    if (sponsors) q = q.where('o.orgId', 'in', sponsors);
    const viaOrder = await q.execute();
    for (const v of viaOrder) if (v.saleId) by.set(v.saleId, v.id);
  }
  return by;
}

export async function insertReversal(db: Db, row: ReversalTable): Promise<void> {
  await db.insertInto('reversal').values(row).execute();
}

export async function findAllReversals(db: Db) {
  return db.selectFrom('reversal').selectAll().orderBy('id').execute();
}

/** The journal lines a document posted, with each entry's organization kind. */
export async function findJournalFacts(db: Db, docTypes: DocType[], docId: string) {
  return db
    .selectFrom('journalEntry as e')
    .innerJoin('journalLine as l', (j) =>
      j.onRef('l.orgId', '=', 'e.orgId').onRef('l.entryId', '=', 'e.id'),
    )
    .innerJoin('organization as o', 'o.id', 'e.orgId')
    .select([
      'e.orgId',
      'e.docType',
      'e.memo',
      'o.kind',
      'o.name as orgName',
      'l.accountCode',
      'l.counterpartyOrgId',
      'l.debit',
      'l.credit',
    ])
    .where('e.docType', 'in', docTypes)
    .where('e.docId', '=', docId)
    .orderBy('e.orgId')
    .orderBy('e.docType')
    .orderBy('l.lineNo')
    .execute();
}

export async function findStockFacts(db: Db, docType: DocType, docId: string) {
  return db
    .selectFrom('stockMove')
    .select([
      'orgId',
      'moveDate',
      'createdAt',
      'productId',
      'ownerOrgId',
      'fromLocationId',
      'toLocationId',
      'qty',
      'value',
    ])
    .where('docType', '=', docType)
    .where('docId', '=', docId)
    .orderBy('id')
    .execute();
}

export async function findLocationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('location').selectAll().where('id', 'in', ids).execute();
}

export async function findProductNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('product')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findOrganizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A sale and its lines; by its id alone, or in its cooperative's tenant (`orgId`). */
export async function findSale(db: Db, id: string, orgId?: string) {
  let q = db.selectFrom('sale').selectAll().where('id', '=', id);
  if (orgId !== undefined) q = q.where('orgId', '=', orgId);
  const sale = await q.executeTakeFirst();
  if (!sale) return undefined;
  const lines = await db
    .selectFrom('saleLine')
    .selectAll()
    .where('orgId', '=', sale.orgId)
    .where('saleId', '=', id)
    .orderBy('lineNo')
    .execute();
  return { sale, lines };
}

export async function findSembakoOrder(db: Db, id: string) {
  return db.selectFrom('sembakoOrder').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The Sembako order a sale picked up; in the tenants of `sponsorIds` only, if given. */
export async function findSembakoOrderOfSale(db: Db, saleId: string, sponsorIds?: string[]) {
  if (sponsorIds?.length === 0) return undefined;
  let q = db.selectFrom('sembakoOrder').select(['id', 'orgId']).where('saleId', '=', saleId);
  if (sponsorIds) q = q.where('orgId', 'in', sponsorIds);
  return q.executeTakeFirst();
}

/**
 * The sponsors of the Sembako programs a hub supplies (a handful): the tenants a pickup at one of
 * its cooperatives has its order in.
 */
export async function findProgramSponsorsOfHub(db: Db, hubId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sembakoProgram')
    .select('orgId')
    .distinct()
    .where('hubId', '=', hubId)
    .execute();
  return rows.map((r) => r.orgId);
}

/** Whether the payroll office has reported the deduction of a participant's month. */
export async function hasDeduction(
  db: Db,
  programOrgId: string,
  programId: string,
  month: string,
  nip: string,
) {
  const row = await db
    .selectFrom('sembakoDeduction')
    .select('nip')
    .where('orgId', '=', programOrgId)
    .where('programId', '=', programId)
    .where('month', '=', month)
    .where('nip', '=', nip)
    .executeTakeFirst();
  return !!row;
}

/** The original document's header: its tenant, hub, date and what it billed. */
export async function findDocumentHeader(db: Db, docType: ReversibleDocType, id: string) {
  switch (docType) {
    case 'payment':
      return db
        .selectFrom('payment')
        .select(['orgId', 'hubId', 'receivedOn as date', 'amount', 'number'])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'goods_receipt':
      return db
        .selectFrom('goodsReceipt')
        .select(['orgId', 'orgId as hubId', 'receiptDate as date', 'totalCost as amount', 'number'])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'delivery_receipt':
      // From its facts: a receipt reversed since is no longer its order's current one.
      return db
        .selectFrom('stockMove as m')
        .leftJoin('deliveryOrder as o', (j) =>
          j
            .onRef('o.orgId', '=', 'm.orgId')
            .on((w) =>
              w.or([w('o.id', '=', w.ref('m.docId')), w('o.receiptId', '=', w.ref('m.docId'))]),
            ),
        )
        .select([
          'm.orgId',
          'm.ownerOrgId as hubId',
          'm.moveDate as date',
          sql<number>`0`.as('amount'),
          'o.number',
        ])
        .where('m.docType', '=', 'delivery_receipt')
        .where('m.docId', '=', id)
        .limit(1)
        .executeTakeFirst();
    case 'return':
      return db
        .selectFrom('stockReturn')
        .select(['orgId', 'hubId', 'returnDate as date', sql<number>`0`.as('amount'), 'number'])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'stock_count':
      return db
        .selectFrom('stockCount')
        .select(['orgId', 'hubId', 'countDate as date', 'shrinkageAmount as amount', 'number'])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'subsidy_grant':
      return db
        .selectFrom('subsidyGrant')
        .select([
          'orgId',
          'hubId',
          'grantedOn as date',
          'amount',
          sql<string | null>`null`.as('number'),
          'status',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'manual_entry':
      // A cooperative's entry belongs to the network of its (latest) hub; a hub's to the hub.
      return db
        .selectFrom('manualJournalEntry as m')
        .innerJoin('organization as o', 'o.id', 'm.orgId')
        .select((eb) => [
          'm.orgId',
          eb.fn
            .coalesce(
              eb
                .selectFrom('participation as p')
                .select('p.hubId')
                .whereRef('p.orgId', '=', 'm.orgId')
                .orderBy('p.startDate', 'desc')
                .limit(1),
              'm.orgId',
            )
            .as('hubId'),
          'm.entryDate as date',
          sql<number>`0`.as('amount'),
          sql<string | null>`null`.as('number'),
          'o.kind',
        ])
        .where('m.id', '=', id)
        .executeTakeFirst();
    default:
      return undefined;
  }
}

/** A payment made on a cooperative's behalf by a program's sponsor (reversed only with it). */
export async function findSponsorShareOfPayment(db: Db, paymentId: string) {
  return db
    .selectFrom('sembakoSponsorShare')
    .select(['sponsorPaymentId'])
    .where('paymentId', '=', paymentId)
    .executeTakeFirst();
}

/**
 * The documents that took stock of a product out of a location after `since`
 * (the stock a mirror would need back), newest first, reversals left out.
 */
export async function findLaterMovesOut(
  db: Db,
  locationId: string,
  productId: string,
  since: string,
) {
  return db
    .selectFrom('stockMove')
    .select(['docType', 'docId'])
    .distinct()
    .where('fromLocationId', '=', locationId)
    .where('productId', '=', productId)
    .where('createdAt', '>=', since)
    .where('docType', '<>', 'reversal')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reversal')
            .select('reversal.id')
            .whereRef('reversal.docType', '=', 'stockMove.docType')
            .whereRef('reversal.docId', '=', 'stockMove.docId'),
        ),
      ),
    )
    .limit(20)
    .execute();
}

/**
 * The sales of a posting with a line of the product, not reversed; a Sembako
 * pickup's sale answered as its order (reversed through the order).
 */
export async function findSalesOfPosting(
  db: Db,
  orgId: string,
  postingId: string,
  productId: string,
) {
  return db
    .selectFrom('sale as s')
    .innerJoin('saleLine as l', (j) =>
      j.onRef('l.orgId', '=', 's.orgId').onRef('l.saleId', '=', 's.id'),
    )
    .leftJoin('sembakoOrder as o', 'o.saleId', 's.id')
    .select(['s.id', 'o.id as orderId'])
    .distinct()
    .where('s.orgId', '=', orgId)
    .where('s.postingId', '=', postingId)
    .where('l.productId', '=', productId)
    .where(({ not, exists, selectFrom, or, and }) =>
      not(
        exists(
          selectFrom('reversal')
            .select('reversal.id')
            .where((r) =>
              or([
                and([r('reversal.docType', '=', 'sale'), r('reversal.docId', '=', r.ref('s.id'))]),
                and([
                  r('reversal.docType', '=', 'sembako_order'),
                  r('reversal.docId', '=', r.ref('o.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .limit(20)
    .execute();
}

export async function findDeliveryOrderNumbers(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('deliveryOrder')
    .select(['id', 'number'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}

export async function findLatestStatementEnd(db: Db, coopId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('statement')
    .select(sql<string | null>`max(period_end)`.as('end'))
    .where('orgId', '=', coopId)
    .executeTakeFirst();
  return row?.end ?? undefined;
}

/**
 * A reversed receipt puts the order back to dispatched, so that it can be
 * received again; its next receipt is posted under `nextReceiptId`.
 */
export async function reopenDeliveryOrder(db: Db, receiptId: string, nextReceiptId: string) {
  const order = await db
    .selectFrom('deliveryOrder')
    .select(['orgId', 'id'])
    .where((w) =>
      w.or([
        w('receiptId', '=', receiptId),
        w.and([w('receiptId', 'is', null), w('id', '=', receiptId)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  await db
    .updateTable('deliveryOrder')
    .set({ status: 'dispatched', receivedOn: null, receiptId: nextReceiptId })
    .where('orgId', '=', order.orgId)
    .where('id', '=', order.id)
    .execute();
  await db
    .updateTable('deliveryOrderLine')
    .set({ qtyReceived: null, receivedValue: null })
    .where('orgId', '=', order.orgId)
    .where('deliveryOrderId', '=', order.id)
    .execute();
}

/**
 * A delivery receipt is named by its order's id or by its own receipt id: a
 * received order's id stands for its current receipt.
 */
export async function resolveReceiptId(db: Db, docId: string): Promise<string> {
  const order = await db
    .selectFrom('deliveryOrder')
    .select(['receiptId'])
    .where('id', '=', docId)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return order?.receiptId ?? docId;
}
