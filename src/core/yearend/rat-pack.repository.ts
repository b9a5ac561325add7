import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Units of goods owned by another organization (the hub's consigned goods) in
 * the cooperative's store at the end of `asOf`, by product: Σ moves in − Σ
 * moves out dated on or before it.
 */
export async function findConsignedStoreQtyAsOf(db: Db, coopId: string, asOf: string) {
  const store = await db
    .selectFrom('location')
    .select('id')
    .where('orgId', '=', coopId)
    .where('kind', '=', 'store')
    .executeTakeFirst();
  if (!store) return [];
  const rows = await db
    .selectFrom('stockMove')
    .select([
      'productId',
      sql<number>`sum(case when to_location_id = ${store.id} then qty else 0 end) - sum(case when from_location_id = ${store.id} then qty else 0 end)`.as(
        'qty',
      ),
    ])
    // Every move in or out of a cooperative's store is in its own book (org_id).
    .where('orgId', '=', coopId)
    .where('ownerOrgId', '!=', coopId)
    .where('moveDate', '<=', asOf)
    .where((w) => w.or([w('toLocationId', '=', store.id), w('fromLocationId', '=', store.id)]))
    .groupBy('productId')
    .execute();
  return rows.map((r) => ({ productId: r.productId, qty: Number(r.qty) }));
}

/** Members of the cooperative on a day: joined on or before it and not left before it. */
export async function countMembersOn(db: Db, coopId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select(sql<number>`count(*)`.as('n'))
    .where('orgId', '=', coopId)
    .where('joinedOn', '<=', day)
    .where((w) => w.or([w('leftOn', 'is', null), w('leftOn', '>', day)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The cooperative's fixed assets acquired on or before `asOf`. */
export async function findFixedAssetsAsOf(db: Db, coopId: string, asOf: string) {
  return db
    .selectFrom('fixedAsset')
    .select(['name', 'accountCode', 'acquiredOn', 'cost', 'residualValue', 'usefulLifeMonths'])
    .where('orgId', '=', coopId)
    .where('acquiredOn', '<=', asOf)
    .orderBy('acquiredOn')
    .orderBy('name')
    .execute();
}
