import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Sales of a cooperative between two business dates (inclusive): rupiah at retail and how many sales. */
export async function sumSales(db: Db, coopId: string, from: string, to: string) {
  const r = await db
    .selectFrom('sale')
    .select([
      sql<number>`coalesce(sum(total_amount), 0)`.as('amount'),
      sql<number>`count(*)`.as('count'),
    ])
    .where('orgId', '=', coopId)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .executeTakeFirstOrThrow();
  return { amount: Number(r.amount), count: Number(r.count) };
}

/** Units of each product a cooperative sold between two business dates (inclusive). */
export async function sumSoldQtyByProduct(
  db: Db,
  coopId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('saleLine')
    .select(['productId', sql<number>`sum(qty)`.as('qty')])
    .where('orgId', '=', coopId)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .groupBy('productId')
    .execute();
  return new Map(rows.map((r) => [r.productId, Number(r.qty)]));
}

/** Retail sales per cooperative between two business dates (inclusive), for a list of cooperatives. */
export async function sumSalesOfCooperatives(
  db: Db,
  coopIds: string[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  if (coopIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sale')
    .select(['orgId', sql<number>`sum(total_amount)`.as('amount')])
    .where('orgId', 'in', coopIds)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .groupBy('orgId')
    .execute();
  return new Map(rows.map((r) => [r.orgId, Number(r.amount)]));
}
