import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { selectInChunks, sumInChunks } from '../../db/id-lists.ts';

/**
 * A sale reversed (corrections' `reversal` row) no longer counts as sold; a
 * Sembako pickup's sale is reversed through its order (the reversal's tenant
 * is the order's, so the order is found by its key). `sponsors`: the sponsors
 * whose orders picked up at the cooperative(s) were reversed
 * (`findOrderReversalSponsors`), so the orders are read in those tenants only;
 * none, and no pickup of theirs was reversed. Without it, every sponsor's orders.
 */
export const saleNotReversed = (saleId: 'sale.id' | 'sale_line.sale_id', sponsors?: string[]) =>
  sponsors?.length === 0
    ? sql<boolean>`not exists (select 1 from reversal r where r.doc_type = 'sale' and r.doc_id = ${sql.ref(saleId)})`
    : sql<boolean>`not exists (select 1 from reversal r where r.doc_type = 'sale' and r.doc_id = ${sql.ref(saleId)})
    and not exists (select 1 from reversal r join sembako_order o on o.org_id = r.org_id and o.id = r.doc_id
      where r.doc_type = 'sembako_order' and o.sale_id = ${sql.ref(saleId)}${
        sponsors ? sql` and o.org_id in (${sql.join(sponsors)})` : sql``
      })`;

/**
 * The sponsors whose Sembako orders picked up at these cooperatives were reversed (a reversal keeps
 * the pickup's cooperative): the tenants `saleNotReversed` looks in. Usually none.
 */
export async function findOrderReversalSponsors(db: Db, coopIds: string[]): Promise<string[]> {
  if (coopIds.length === 0) return [];
  const rows = await selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('reversal')
      .select('orgId')
      .distinct()
      .where('docType', '=', 'sembako_order')
      .where('cooperativeId', 'in', ids)
      .execute(),
  );
  return [...new Set(rows.map((r) => r.orgId))].sort();
}

/** Sales of a cooperative between two business dates (inclusive): rupiah at retail and how many sales. */
export async function sumSales(db: Db, coopId: string, from: string, to: string) {
  const sponsors = await findOrderReversalSponsors(db, [coopId]);
  const r = await db
    .selectFrom('sale')
    .select([
      sql<number>`coalesce(sum(total_amount), 0)`.as('amount'),
      sql<number>`count(*)`.as('count'),
    ])
    .where('orgId', '=', coopId)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .where(saleNotReversed('sale.id', sponsors))
    .executeTakeFirstOrThrow();
  const refunded = await sumRefundsOfSalesIn(db, [coopId], from, to);
  return { amount: lessRefunds(r.amount, refunded.get(coopId)), count: Number(r.count) };
}

export interface Refunded {
  amount: number;
  consignmentAmount: number;
}

/** A sales figure (retail, or at the consignment price) less what buyers were paid back of those sales. */
export function lessRefunds(
  value: number | string,
  back: Refunded | undefined,
  of: keyof Refunded = 'amount',
): number {
  return Number(value) - (back?.[of] ?? 0);
}

/**
 * What buyers were paid back (corrections' `sale_refund`) for the sales of some cooperatives dated in
 * [from, to] (of one member, if given), by cooperative, sale or member: counted against the sale's own
 * date, so a refunded unit is simply not sold.
 */
export async function sumRefundsOfSalesIn(
  db: Db,
  coopIds: string[],
  from: string,
  to: string,
  opts: { by?: 'orgId' | 'saleId' | 'memberId'; memberId?: string } = {},
) {
  const key =
    opts.by === 'saleId' ? 'rf.saleId' : opts.by === 'memberId' ? 'sale.memberId' : 'rf.orgId';
  const query = (ids: string[]) => {
    let q = db
      .selectFrom('saleRefund as rf')
      .innerJoin('sale', (j) =>
        j.onRef('sale.orgId', '=', 'rf.orgId').onRef('sale.id', '=', 'rf.saleId'),
      )
      .select([
        sql<string>`${sql.ref(key)}`.as('key'),
        sql<number>`sum(rf.amount)`.as('amount'),
        sql<number>`sum(rf.consignment_amount)`.as('consignmentAmount'),
      ])
      .where('rf.orgId', 'in', ids)
      .where('sale.saleDate', '>=', from)
      .where('sale.saleDate', '<=', to);
    if (opts.memberId) q = q.where('sale.memberId', '=', opts.memberId);
    return q.groupBy(key).execute();
  };
  const rows = await sumInChunks(
    coopIds,
    query,
    (r) => r.key,
    (a, b) => ({
      key: a.key,
      amount: Number(a.amount) + Number(b.amount),
      consignmentAmount: Number(a.consignmentAmount) + Number(b.consignmentAmount),
    }),
  );
  return new Map<string, Refunded>(
    rows.map((r) => [
      r.key,
      { amount: Number(r.amount), consignmentAmount: Number(r.consignmentAmount) },
    ]),
  );
}

/** Units of each product a cooperative sold between two business dates (inclusive). */
export async function sumSoldQtyByProduct(
  db: Db,
  coopId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const sponsors = await findOrderReversalSponsors(db, [coopId]);
  const rows = await db
    .selectFrom('saleLine')
    .select(['productId', sql<number>`sum(qty)`.as('qty')])
    .where('orgId', '=', coopId)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .where(saleNotReversed('sale_line.sale_id', sponsors))
    .groupBy('productId')
    .execute();
  const sold = new Map(rows.map((r) => [r.productId, Number(r.qty)]));
  // Units a buyer brought back were not sold after all.
  const refunded = await db
    .selectFrom('saleRefundLine as rl')
    .innerJoin('saleRefund as rf', (j) =>
      j.onRef('rf.orgId', '=', 'rl.orgId').onRef('rf.id', '=', 'rl.refundId'),
    )
    .innerJoin('sale', (j) =>
      j.onRef('sale.orgId', '=', 'rf.orgId').onRef('sale.id', '=', 'rf.saleId'),
    )
    .select(['rl.productId', sql<number>`sum(rl.qty)`.as('qty')])
    .where('rl.orgId', '=', coopId)
    .where('sale.saleDate', '>=', from)
    .where('sale.saleDate', '<=', to)
    .groupBy('rl.productId')
    .execute();
  for (const r of refunded) sold.set(r.productId, (sold.get(r.productId) ?? 0) - Number(r.qty));
  return sold;
}

/** Sales of each cooperative dated in [from, to]: retail value, value at the consignment price, count. */
export async function sumSalesByCooperative(db: Db, coopIds: string[], from: string, to: string) {
  if (coopIds.length === 0) return [];
  const sponsors = await findOrderReversalSponsors(db, coopIds);
  const rows = await selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('sale')
      .select([
        'orgId',
        sql<number>`sum(total_amount)`.as('salesAmount'),
        sql<number>`sum(consignment_amount)`.as('consignmentAmount'),
        sql<number>`count(*)`.as('saleCount'),
      ])
      .where('orgId', 'in', ids)
      .where('saleDate', '>=', from)
      .where('saleDate', '<=', to)
      .where(saleNotReversed('sale.id', sponsors))
      .groupBy('orgId')
      .execute(),
  );
  const refunded = await sumRefundsOfSalesIn(db, coopIds, from, to);
  return rows.map((r) => {
    const back = refunded.get(r.orgId);
    return back
      ? {
          ...r,
          salesAmount: lessRefunds(r.salesAmount, back),
          consignmentAmount: lessRefunds(r.consignmentAmount, back, 'consignmentAmount'),
        }
      : r;
  });
}
