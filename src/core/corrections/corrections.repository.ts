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

/**
 * Runs `query` once per organization, in the given order, and concatenates the rows: a read of
 * a few tenants (a document's cooperative and its hub) that reaches one tenant per statement.
 */
export async function eachOrg<R>(
  orgIds: readonly string[],
  query: (orgId: string) => Promise<R[]>,
) {
  const out: R[] = [];
  for (const orgId of [...new Set(orgIds)]) out.push(...(await query(orgId)));
  return out;
}

/**
 * The journal lines a document posted in the books of `orgIds` (its tenant and its hub: every
 * book a reversible document posts to), with each entry's organization kind; by organization.
 */
export async function findJournalFacts(
  db: Db,
  orgIds: readonly string[],
  docTypes: DocType[],
  docId: string,
) {
  return eachOrg([...orgIds].sort(), (orgId) => journalFactsOf(db, orgId, docTypes, docId));
}

function journalFactsOf(db: Db, orgId: string, docTypes: DocType[], docId: string) {
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
    .where('e.orgId', '=', orgId)
    .where('l.orgId', '=', orgId)
    .where('e.docType', 'in', docTypes)
    .where('e.docId', '=', docId)
    .orderBy('e.docType')
    .orderBy('l.lineNo')
    .execute();
}

/**
 * For `lumbung verify`: every organization whose books or stock a document posted to, whatever
 * its tenant (a read of all tenants, never an API request's). A Sembako order posted through its
 * pickup's sale.
 */
export async function findOrgsOfDocument(db: Db, docType: ReversibleDocType, docId: string) {
  let ids = [docId];
  let types: DocType[] = [];
  if (docType === 'sembako_order') {
    const order = await db
      .selectFrom('sembakoOrder')
      .select('saleId')
      .where('id', '=', docId)
      .executeTakeFirst();
    ids = order?.saleId ? [order.saleId] : [];
    types = ['sale'];
  } else if (docType === 'subsidy_grant') types = ['subsidy_grant', 'subsidy_netting'];
  else types = [docType];
  if (ids.length === 0) return [];
  const [journal, stock] = await Promise.all([
    db
      .selectFrom('journalEntry')
      .select('orgId')
      .distinct()
      .where('docType', 'in', types)
      .where('docId', 'in', ids)
      .execute(),
    db
      .selectFrom('stockMove')
      .select('orgId')
      .distinct()
      .where('docType', 'in', types)
      .where('docId', 'in', ids)
      .execute(),
  ]);
  return [...new Set([...journal, ...stock].map((r) => r.orgId))];
}

/** The stock moves a document posted in the tenants of `orgIds` (its own and its hub), by id. */
export async function findStockFacts(
  db: Db,
  orgIds: readonly string[],
  docType: DocType,
  docId: string,
) {
  const rows = await eachOrg(orgIds, (orgId) => stockFactsOf(db, orgId, docType, docId));
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function stockFactsOf(db: Db, orgId: string, docType: DocType, docId: string) {
  return db
    .selectFrom('stockMove')
    .select([
      'id',
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
    .where('orgId', '=', orgId)
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

/** A Sembako order in its sponsor's tenant. */
export async function findSembakoOrder(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('sembakoOrder')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The Sembako order a sale picked up, looked for in the tenants of `sponsorIds` one by one. */
export async function findSembakoOrderOfSale(db: Db, saleId: string, sponsorIds: string[]) {
  for (const orgId of sponsorIds) {
    const order = await db
      .selectFrom('sembakoOrder')
      .select(['id', 'orgId'])
      .where('orgId', '=', orgId)
      .where('saleId', '=', saleId)
      .executeTakeFirst();
    if (order) return order;
  }
  return undefined;
}

/** The Sembako orders that picked up these sales, in the tenants of `sponsorIds` one by one. */
export async function findSembakoOrdersOfSales(db: Db, saleIds: string[], sponsorIds: string[]) {
  if (saleIds.length === 0) return [];
  return eachOrg(sponsorIds, (orgId) =>
    db
      .selectFrom('sembakoOrder')
      .select(['id', 'saleId'])
      .where('orgId', '=', orgId)
      .where('saleId', 'in', saleIds)
      .execute(),
  );
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

/**
 * The tenant of a document named by its type and id alone (the reversal API's path carries no
 * organization): one statement by id, before every other read of a reversal is routed by the
 * organization it finds. A Sembako order's tenant is its sponsor's; a delivery receipt is found
 * by its order (`resolveReceipt`).
 */
export async function findDocumentTenant(
  db: Db,
  docType: Exclude<ReversibleDocType, 'delivery_receipt'>,
  id: string,
): Promise<string | undefined> {
  const table = {
    sale: 'sale',
    sembako_order: 'sembakoOrder',
    payment: 'payment',
    goods_receipt: 'goodsReceipt',
    return: 'stockReturn',
    stock_count: 'stockCount',
    subsidy_grant: 'subsidyGrant',
    manual_entry: 'manualJournalEntry',
  } as const;
  const row = await db
    .selectFrom(table[docType])
    .select('orgId')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.orgId;
}

/** The original document's header in its tenant `orgId`: its hub, date and what it billed. */
export async function findDocumentHeader(
  db: Db,
  docType: ReversibleDocType,
  orgId: string,
  id: string,
) {
  switch (docType) {
    case 'payment':
      return db
        .selectFrom('payment')
        .select(['orgId', 'hubId', 'receivedOn as date', 'amount', 'number'])
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    case 'goods_receipt':
      return db
        .selectFrom('goodsReceipt')
        .select(['orgId', 'orgId as hubId', 'receiptDate as date', 'totalCost as amount', 'number'])
        .where('orgId', '=', orgId)
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
        .where('m.orgId', '=', orgId)
        .where('m.docType', '=', 'delivery_receipt')
        .where('m.docId', '=', id)
        .limit(1)
        .executeTakeFirst();
    case 'return':
      return db
        .selectFrom('stockReturn')
        .select(['orgId', 'hubId', 'returnDate as date', sql<number>`0`.as('amount'), 'number'])
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    case 'stock_count':
      return db
        .selectFrom('stockCount')
        .select(['orgId', 'hubId', 'countDate as date', 'shrinkageAmount as amount', 'number'])
        .where('orgId', '=', orgId)
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
        .where('orgId', '=', orgId)
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
                .where('p.orgId', '=', orgId)
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
        .where('m.orgId', '=', orgId)
        .where('m.id', '=', id)
        .executeTakeFirst();
    default:
      return undefined;
  }
}

/**
 * A payment made on a cooperative's behalf by a program's sponsor (reversed only with it): looked
 * for in the tenants of the hub's sponsors (`sponsorIds`) one by one.
 */
export async function findSponsorShareOfPayment(db: Db, sponsorIds: string[], paymentId: string) {
  const [share] = await eachOrg(sponsorIds, (orgId) =>
    db
      .selectFrom('sembakoSponsorShare')
      .select(['sponsorPaymentId'])
      .where('orgId', '=', orgId)
      .where('paymentId', '=', paymentId)
      .limit(1)
      .execute(),
  );
  return share;
}

/**
 * The documents that took stock of a product out of a location after `since`
 * (the stock a mirror would need back), reversals left out; with the tenant
 * each is in. Out of a cooperative's store: its own documents (sales, counts,
 * returns), read in its tenant. Out of a hub warehouse: dispatches, each in
 * the tenant of the cooperative it went to — a read of every tenant
 * (`findLaterMovesOut of a warehouse`, a fan-out look-up: only when a hub's
 * goods receipt cannot be reversed for want of stock).
 */
export async function findLaterMovesOut(
  db: Db,
  location: { id: string; orgId: string; kind: string },
  productId: string,
  since: string,
) {
  let q = db
    .selectFrom('stockMove')
    .select(['orgId', 'docType', 'docId'])
    .distinct()
    .where('fromLocationId', '=', location.id);
  if (location.kind === 'store') q = q.where('orgId', '=', location.orgId);
  return q
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
 * The sales of a posting with a line of the product that are not reversed as sales (a Sembako
 * pickup's sale is reversed through its order: `findSembakoOrdersOfSales`).
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
    .select(['s.id'])
    .distinct()
    .where('s.orgId', '=', orgId)
    .where('l.orgId', '=', orgId)
    .where('s.postingId', '=', postingId)
    .where('l.productId', '=', productId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reversal')
            .select('reversal.id')
            .where('reversal.docType', '=', 'sale')
            .whereRef('reversal.docId', '=', 's.id'),
        ),
      ),
    )
    .limit(20)
    .execute();
}

/** The numbers of delivery orders, each given with its cooperative (`orgId`): one read per cooperative. */
export async function findDeliveryOrderNumbers(db: Db, orders: { id: string; orgId: string }[]) {
  const byOrg = new Map<string, string[]>();
  for (const o of orders) byOrg.set(o.orgId, [...(byOrg.get(o.orgId) ?? []), o.id]);
  const rows = await eachOrg([...byOrg.keys()], (orgId) =>
    db
      .selectFrom('deliveryOrder')
      .select(['id', 'number'])
      .where('orgId', '=', orgId)
      .where('id', 'in', byOrg.get(orgId)!)
      .execute(),
  );
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
export async function reopenDeliveryOrder(
  db: Db,
  orgId: string,
  receiptId: string,
  nextReceiptId: string,
) {
  const order = await db
    .selectFrom('deliveryOrder')
    .select(['orgId', 'id'])
    .where('orgId', '=', orgId)
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
 * received order's id stands for its current receipt. Found by that id alone
 * (the reversal API's path carries no organization), with the order's
 * cooperative: `docId` the receipt's document id, `orgId` its tenant.
 */
export async function resolveReceipt(
  db: Db,
  docId: string,
): Promise<{ docId: string; orgId: string } | undefined> {
  const order = await db
    .selectFrom('deliveryOrder')
    .select(['orgId', 'id', 'status', 'receiptId'])
    .where((w) => w.or([w('id', '=', docId), w('receiptId', '=', docId)]))
    .executeTakeFirst();
  if (!order) return undefined;
  const current = order.id === docId && order.status === 'received' && order.receiptId;
  return { docId: current || docId, orgId: order.orgId };
}
