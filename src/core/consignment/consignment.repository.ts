import type { Db } from '../../db/database.ts';
import { sql } from 'kysely';
import { insertMany } from '../../db/batch.ts';
import { findOrderReversalSponsors, saleNotReversed } from './sales-summary.repository.ts';
import type {
  DeliveryOrderLineTable,
  DeliveryOrderStatus,
  DeliveryOrderTable,
  GoodsReceiptLineTable,
  GoodsReceiptTable,
  SaleDayTable,
  SaleLineTable,
  SaleTable,
  StockCountLineTable,
  StockCountTable,
  StockReturnLineTable,
  StockReturnTable,
} from './consignment.table.ts';

export async function findGoodsReceipt(db: Db, hubId: string, id: string) {
  return db
    .selectFrom('goodsReceipt')
    .selectAll()
    .where('orgId', '=', hubId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertGoodsReceipt(
  db: Db,
  row: GoodsReceiptTable,
  lines: GoodsReceiptLineTable[],
) {
  await db.insertInto('goodsReceipt').values(row).execute();
  await insertMany(db, 'goodsReceiptLine', lines);
}

/**
 * A delivery order by id: of the cooperative `orgId` (routed to its tenant), or, when the caller
 * knows only the id (the API's `/delivery-orders/{id}`), by id alone through the id index — a
 * fan-out lookup (docs/SCALING.md), after which the caller passes the order's `orgId`.
 */
export async function findDeliveryOrderById(
  db: Db,
  id: string,
  orgId?: string,
): Promise<DeliveryOrderTable | undefined> {
  let q = db.selectFrom('deliveryOrder').selectAll().where('id', '=', id);
  if (orgId !== undefined) q = q.where('orgId', '=', orgId);
  return q.executeTakeFirst();
}

export async function findDeliveryOrderLines(
  db: Db,
  coopId: string,
  id: string,
): Promise<DeliveryOrderLineTable[]> {
  return db
    .selectFrom('deliveryOrderLine')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('deliveryOrderId', '=', id)
    .orderBy('lineNo')
    .execute();
}

export async function insertDeliveryOrder(
  db: Db,
  row: DeliveryOrderTable,
  lines: DeliveryOrderLineTable[],
) {
  await db.insertInto('deliveryOrder').values(row).execute();
  await insertMany(db, 'deliveryOrderLine', lines);
}

export async function updateDeliveryOrder(
  db: Db,
  coopId: string,
  id: string,
  set: Partial<DeliveryOrderTable>,
) {
  await db
    .updateTable('deliveryOrder')
    .set(set)
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .execute();
}

export async function updateDeliveryOrderLine(
  db: Db,
  coopId: string,
  id: string,
  lineNo: number,
  set: Partial<DeliveryOrderLineTable>,
) {
  await db
    .updateTable('deliveryOrderLine')
    .set(set)
    .where('orgId', '=', coopId)
    .where('deliveryOrderId', '=', id)
    .where('lineNo', '=', lineNo)
    .execute();
}

export async function findSalesByIds(db: Db, coopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('sale')
    .select(['id', 'contentHash'])
    .where('orgId', '=', coopId)
    .where('id', 'in', ids)
    .execute();
}

/** The one writer of sales: the sales, their lines, and each day's totals (`sale_day`) with them. */
export async function insertSales(db: Db, sales: SaleTable[], lines: SaleLineTable[]) {
  await insertMany(db, 'sale', sales);
  await insertMany(db, 'saleLine', lines);
  const days = new Map<string, SaleDayTable>();
  for (const s of sales) {
    const key = `${s.orgId}|${s.hubId}|${s.saleDate}`;
    const day = days.get(key);
    if (day) {
      day.sales += 1;
      day.totalAmount += s.totalAmount;
      day.consignmentAmount += s.consignmentAmount;
    } else
      days.set(key, {
        orgId: s.orgId,
        hubId: s.hubId,
        saleDate: s.saleDate,
        sales: 1,
        totalAmount: s.totalAmount,
        consignmentAmount: s.consignmentAmount,
      });
  }
  // In key order, so that two syncs of one cooperative lock its days in the same order.
  const rows = [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('saleDay')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['orgId', 'hubId', 'saleDate']).doUpdateSet((eb) => ({
          sales: eb(eb.ref('saleDay.sales'), '+', eb.ref('excluded.sales')),
          totalAmount: eb(eb.ref('saleDay.totalAmount'), '+', eb.ref('excluded.totalAmount')),
          consignmentAmount: eb(
            eb.ref('saleDay.consignmentAmount'),
            '+',
            eb.ref('excluded.consignmentAmount'),
          ),
        })),
      )
      .execute();
}

export async function findStockReturn(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('stockReturn')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertStockReturn(
  db: Db,
  row: StockReturnTable,
  lines: StockReturnLineTable[],
) {
  await db.insertInto('stockReturn').values(row).execute();
  await insertMany(db, 'stockReturnLine', lines);
}

export async function findStockCount(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('stockCount')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findStockCountLines(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('stockCountLine')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('countId', '=', id)
    .orderBy('lineNo')
    .execute();
}

export async function insertStockCount(db: Db, row: StockCountTable, lines: StockCountLineTable[]) {
  await db.insertInto('stockCount').values(row).execute();
  await insertMany(db, 'stockCountLine', lines);
}

export async function countSalesAndCounts(db: Db, coopId: string, from: string, to: string) {
  const sponsors = await findOrderReversalSponsors(db, [coopId]);
  const [s, c] = await Promise.all([
    db
      .selectFrom('sale')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', coopId)
      .where('saleDate', '>=', from)
      .where('saleDate', '<=', to)
      // A reversed sale or count (corrections) did not happen.
      .where(saleNotReversed('sale.id', sponsors))
      .executeTakeFirst(),
    db
      .selectFrom('stockCount')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', coopId)
      .where('countDate', '>=', from)
      .where('countDate', '<=', to)
      .where(
        sql<boolean>`not exists (select 1 from reversal r where r.doc_type = 'stock_count' and r.doc_id = stock_count.id)`,
      )
      .executeTakeFirst(),
  ]);
  return { sales: Number(s?.n ?? 0), counts: Number(c?.n ?? 0) };
}

export interface DocumentPage {
  limit: number;
  /** Cursor: the last (date, id) of the previous page, newest first. */
  before?: { date: string; id: string };
}

export async function findDeliveryOrders(
  db: Db,
  f: DocumentPage & {
    coopIds?: string[];
    hubId?: string;
    status?: DeliveryOrderStatus;
    /** A LIKE pattern on the number (`numberSearchPattern`). */
    numberLike?: string;
  },
) {
  let q = db
    .selectFrom('deliveryOrder')
    .select([
      'id',
      'number',
      'orgId',
      'hubId',
      'status',
      'value',
      'orderDate',
      'dispatchedOn',
      'receivedOn',
      'cancelledOn',
      'overrideReason',
      'receiptId',
      'createdAt',
    ])
    .select((eb) => [
      eb
        .selectFrom('deliveryOrderLine as l')
        .select(sql<number>`count(*)`.as('n'))
        // One cooperative's list: the org as a value, so the lines' tenant is known when planned.
        .$if(f.coopIds?.length === 1, (s) => s.where('l.orgId', '=', f.coopIds![0]!))
        .whereRef('l.orgId', '=', 'deliveryOrder.orgId')
        .whereRef('l.deliveryOrderId', '=', 'deliveryOrder.id')
        .as('lineCount'),
      eb
        .selectFrom('deliveryOrderLine as l')
        .select(sql<number>`coalesce(sum(l.qty), 0)`.as('q'))
        .$if(f.coopIds?.length === 1, (s) => s.where('l.orgId', '=', f.coopIds![0]!))
        .whereRef('l.orgId', '=', 'deliveryOrder.orgId')
        .whereRef('l.deliveryOrderId', '=', 'deliveryOrder.id')
        .as('totalQty'),
    ]);
  if (f.coopIds) q = q.where('orgId', 'in', f.coopIds.length ? f.coopIds : ['']);
  if (f.hubId) q = q.where('hubId', '=', f.hubId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.numberLike !== undefined) q = q.where('number', 'like', f.numberLike);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('orderDate', '<', b.date),
        eb.and([eb('orderDate', '=', b.date), eb('id', '<', b.id)]),
      ]),
    );
  }
  const rows = await q.orderBy('orderDate', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, lineCount: Number(r.lineCount), totalQty: Number(r.totalQty) }));
}

export async function findGoodsReceipts(
  db: Db,
  hubId: string,
  f: DocumentPage & {
    /** A LIKE pattern on the number (`numberSearchPattern`). */
    numberLike?: string;
  },
) {
  let q = db
    .selectFrom('goodsReceipt')
    .select([
      'id',
      'number',
      'warehouseId',
      'supplierName',
      'receiptDate',
      'totalCost',
      'createdAt',
    ])
    .where('orgId', '=', hubId);
  if (f.numberLike !== undefined) q = q.where('number', 'like', f.numberLike);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('receiptDate', '<', b.date),
        eb.and([eb('receiptDate', '=', b.date), eb('id', '<', b.id)]),
      ]),
    );
  }
  return q.orderBy('receiptDate', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function findSales(
  db: Db,
  coopId: string,
  f: DocumentPage & { from?: string; to?: string; postingId?: string },
) {
  let q = db
    .selectFrom('sale')
    .select([
      'id',
      'saleDate',
      'occurredAt',
      'receivedAt',
      'clockSkew',
      'paymentMethod',
      'memberId',
      'totalAmount',
      'consignmentAmount',
      'statementId',
      'postingId',
    ])
    .where('orgId', '=', coopId);
  if (f.from) q = q.where('saleDate', '>=', f.from);
  if (f.postingId) q = q.where('postingId', '=', f.postingId);
  if (f.to) q = q.where('saleDate', '<=', f.to);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('saleDate', '<', b.date),
        eb.and([eb('saleDate', '=', b.date), eb('id', '<', b.id)]),
      ]),
    );
  }
  return q.orderBy('saleDate', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function findSaleLines(db: Db, coopId: string, saleIds: string[]) {
  if (saleIds.length === 0) return [];
  return db
    .selectFrom('saleLine')
    .select(['saleId', 'lineNo', 'productId', 'qty', 'unitPrice', 'consignmentPrice'])
    .where('orgId', '=', coopId)
    .where('saleId', 'in', saleIds)
    .orderBy('lineNo')
    .execute();
}

/** Every kept day of sales (`sale_day`) next to the sum of its sales, where they differ (either missing counts as zero). */
export async function findSaleDayDrift(db: Db) {
  const [sums, kept] = await Promise.all([
    db
      .selectFrom('sale')
      .select((eb) => [
        'orgId',
        'hubId',
        'saleDate',
        eb.fn.countAll<number>().as('sales'),
        eb.fn.sum<number>('totalAmount').as('totalAmount'),
        eb.fn.sum<number>('consignmentAmount').as('consignmentAmount'),
      ])
      .groupBy(['orgId', 'hubId', 'saleDate'])
      .execute(),
    db.selectFrom('saleDay').selectAll().execute(),
  ]);
  const key = (r: { orgId: string; hubId: string; saleDate: string }) =>
    `${r.orgId}|${r.hubId}|${r.saleDate}`;
  const figures = (r?: { sales: unknown; totalAmount: unknown; consignmentAmount: unknown }) =>
    [
      Number(r?.sales ?? 0),
      Number(r?.totalAmount ?? 0),
      Number(r?.consignmentAmount ?? 0),
    ] as const;
  const keptOf = new Map(kept.map((r) => [key(r), r]));
  const drift: { key: string; kept: readonly number[]; sales: readonly number[] }[] = [];
  for (const s of sums) {
    const k = keptOf.get(key(s));
    keptOf.delete(key(s));
    const [a, b] = [figures(k), figures(s)];
    if (a.some((v, i) => v !== b[i])) drift.push({ key: key(s), kept: a, sales: b });
  }
  for (const [k, r] of keptOf) {
    const a = figures(r);
    if (a.some((v) => v !== 0)) drift.push({ key: k, kept: a, sales: [0, 0, 0] });
  }
  return drift;
}
