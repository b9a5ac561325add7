import { sql } from 'kysely';
import { insertMany } from '../../db/batch.ts';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import { selectInChunks } from '../../db/id-lists.ts';
import type {
  LocationKind,
  LocationTable,
  StockBalanceTable,
  StockDiscrepancyTable,
  StockMoveTable,
} from './inventory.table.ts';

export async function insertLocations(db: Db, rows: LocationTable[]): Promise<void> {
  await insertMany(db, 'location', rows);
}

/** The locations of the organizations; with `kinds`, only those of these kinds. */
export async function findLocationsOfOrgs(
  db: Db,
  orgIds: string[],
  opts: { kinds?: readonly LocationKind[] } = {},
): Promise<LocationTable[]> {
  if (orgIds.length === 0) return [];
  return selectInChunks(orgIds, (ids) => {
    let q = db.selectFrom('location').selectAll().where('orgId', 'in', ids);
    if (opts.kinds) q = q.where('kind', 'in', [...opts.kinds]);
    return q.execute();
  });
}

/** {@link findLocationsOfOrgs} with only what tells the places apart: id, organization and kind. */
export async function findPlacesOfOrgs(
  db: Db,
  orgIds: string[],
  kinds: readonly LocationKind[],
): Promise<Pick<LocationTable, 'id' | 'orgId' | 'kind'>[]> {
  if (orgIds.length === 0) return [];
  return selectInChunks(orgIds, (ids) =>
    db
      .selectFrom('location')
      .select(['id', 'orgId', 'kind'])
      .where('orgId', 'in', ids)
      .where('kind', 'in', [...kinds])
      .execute(),
  );
}

export async function findLocationById(db: Db, id: string): Promise<LocationTable | undefined> {
  return db.selectFrom('location').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Items grouped by their `orgId`, organizations in order: one routed statement per tenant. */
function byOrg<T extends { orgId: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.orgId);
    if (group) group.push(item);
    else groups.set(item.orgId, [item]);
  }
  return [...groups.keys()].sort().map((orgId) => groups.get(orgId)!);
}

/**
 * Balances of the given (location, product, owner) keys. On PostgreSQL the
 * rows are locked until the transaction ends, so that two commands cannot
 * both take their cost from the same snapshot. One statement per organization
 * (each routed to its tenant), in the organizations' order.
 */
export async function findBalancesForUpdate(
  db: Db,
  keys: { orgId: string; locationId: string; productId: string; ownerOrgId: string }[],
): Promise<StockBalanceTable[]> {
  const rows: StockBalanceTable[] = [];
  for (const group of byOrg(keys)) rows.push(...(await findOrgBalancesForUpdate(db, group)));
  return rows;
}

async function findOrgBalancesForUpdate(
  db: Db,
  keys: { orgId: string; locationId: string; productId: string; ownerOrgId: string }[],
): Promise<StockBalanceTable[]> {
  const locationIds = [...new Set(keys.map((k) => k.locationId))];
  const productIds = [...new Set(keys.map((k) => k.productId))];
  let q = db
    .selectFrom('stockBalance')
    .selectAll()
    .where('orgId', '=', keys[0]!.orgId)
    .where('locationId', 'in', locationIds)
    .where('productId', 'in', productIds)
    .orderBy('orgId')
    .orderBy('locationId')
    .orderBy('productId')
    .orderBy('ownerOrgId');
  if (engineOf(db) === 'postgres') q = q.forUpdate();
  const wanted = new Set(keys.map((k) => `${k.locationId}|${k.productId}|${k.ownerOrgId}`));
  return (await q.execute()).filter((r) =>
    wanted.has(`${r.locationId}|${r.productId}|${r.ownerOrgId}`),
  );
}

export async function insertStockMoves(db: Db, rows: StockMoveTable[]): Promise<void> {
  await insertMany(db, 'stockMove', rows);
}

/** Adds to the balances, one statement per organization (each routed to its tenant). */
export async function addToStockBalances(db: Db, deltas: StockBalanceTable[]): Promise<void> {
  for (const group of byOrg(deltas)) await addToOrgStockBalances(db, group);
}

async function addToOrgStockBalances(db: Db, deltas: StockBalanceTable[]): Promise<void> {
  for (let i = 0; i < deltas.length; i += 1000) {
    await db
      .insertInto('stockBalance')
      .values(deltas.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['orgId', 'locationId', 'productId', 'ownerOrgId']).doUpdateSet((eb) => ({
          qty: eb(eb.ref('stockBalance.qty'), '+', eb.ref('excluded.qty')),
          value: eb(eb.ref('stockBalance.value'), '+', eb.ref('excluded.value')),
        })),
      )
      .execute();
  }
}

/**
 * Stock balances at some locations (each given with its organization, so the key's prefix is used):
 * one statement per organization, each routed to its tenant; by product.
 */
export async function findStockAtLocations(
  db: Db,
  locations: Pick<LocationTable, 'id' | 'orgId'>[],
): Promise<StockBalanceTable[]> {
  const rows: StockBalanceTable[] = [];
  for (const group of byOrg(locations))
    rows.push(
      ...(await db
        .selectFrom('stockBalance')
        .selectAll()
        .where('orgId', '=', group[0]!.orgId)
        .where(
          'locationId',
          'in',
          group.map((l) => l.id),
        )
        .orderBy('productId')
        .execute()),
    );
  return rows.length > 1 ? sortByProduct(rows) : rows;
}

/**
 * The stock at the stores and transits of a whole network (every cooperative of a hub): a fan-out
 * read by design (docs/SCALING.md, "Fan-out operations"), in id chunks rather than one statement
 * per cooperative, which at ~83,000 cooperatives would be ~83,000 round trips.
 */
export async function findStockAtNetworkLocations(
  db: Db,
  locations: Pick<LocationTable, 'id' | 'orgId'>[],
  opts: { owner?: string; kinds?: readonly LocationKind[] } = {},
): Promise<Pick<StockBalanceTable, 'orgId' | 'locationId' | 'productId' | 'ownerOrgId' | 'qty'>[]> {
  if (locations.length === 0) return [];
  // By the cooperatives (the key's first column), then to the locations asked for.
  const wanted = new Set(locations.map((l) => l.id));
  const kinds = opts.kinds;
  const rows = await selectInChunks([...new Set(locations.map((l) => l.orgId))], (ids) => {
    let q = db
      .selectFrom('stockBalance as b')
      .select(['b.orgId', 'b.locationId', 'b.productId', 'b.ownerOrgId', 'b.qty'])
      .where('b.orgId', 'in', ids);
    // Only what the owner has there (nothing held is no stock).
    if (opts.owner) q = q.where('b.ownerOrgId', '=', opts.owner).where('b.qty', '>', 0);
    // Only at locations of these kinds: the others' rows are not read out at all.
    if (kinds)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('location as l')
            .select('l.id')
            .whereRef('l.orgId', '=', 'b.orgId')
            .whereRef('l.id', '=', 'b.locationId')
            .where('l.kind', 'in', [...kinds]),
        ),
      );
    return q.execute();
  });
  return rows.filter((r) => wanted.has(r.locationId));
}

/** By product, stable (the order of one statement's `order by product_id`). */
function sortByProduct(rows: StockBalanceTable[]): StockBalanceTable[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) =>
      a.r.productId < b.r.productId ? -1 : a.r.productId > b.r.productId ? 1 : a.i - b.i,
    )
    .map((x) => x.r);
}

export async function insertDiscrepancies(db: Db, rows: StockDiscrepancyTable[]): Promise<void> {
  await insertMany(db, 'stockDiscrepancy', rows);
}

/**
 * Open: not resolved, or resolved by a stock count that was reversed since
 * (corrections' `reversal` row; the count's resolution is void with it, the
 * row itself is left as it was).
 */
const isOpen = sql<boolean>`(stock_discrepancy.resolved_by_count_id is null or exists (
  select 1 from reversal r where r.doc_type = 'stock_count' and r.doc_id = stock_discrepancy.resolved_by_count_id))`;

/** The count resolves the open discrepancies of its products (those of a reversed count too). */
export async function resolveDiscrepancies(
  db: Db,
  orgId: string,
  locationId: string,
  productIds: string[],
  countId: string,
) {
  if (productIds.length === 0) return;
  await db
    .updateTable('stockDiscrepancy')
    .set({ resolvedByCountId: countId })
    .where('orgId', '=', orgId)
    .where('locationId', '=', locationId)
    .where('productId', 'in', productIds)
    .where(isOpen)
    .execute();
}

export async function findOpenDiscrepancies(db: Db, orgId: string) {
  return db
    .selectFrom('stockDiscrepancy')
    .selectAll()
    .where('orgId', '=', orgId)
    .where(isOpen)
    .orderBy('raisedOn')
    .execute();
}

/** Every kept balance that differs from Σ in − Σ out of its moves. */
export async function findStockBalanceDrift(db: Db) {
  const ins = db
    .selectFrom('stockMove')
    .select([
      'toLocationId as locationId',
      'productId',
      'ownerOrgId',
      sql<number>`sum(qty)`.as('qty'),
      sql<number>`sum(value)`.as('value'),
    ])
    .groupBy(['toLocationId', 'productId', 'ownerOrgId'])
    .execute();
  const outs = db
    .selectFrom('stockMove')
    .select([
      'fromLocationId as locationId',
      'productId',
      'ownerOrgId',
      sql<number>`sum(qty)`.as('qty'),
      sql<number>`sum(value)`.as('value'),
    ])
    .groupBy(['fromLocationId', 'productId', 'ownerOrgId'])
    .execute();
  const kept = db.selectFrom('stockBalance').selectAll().execute();
  const [inRows, outRows, keptRows] = await Promise.all([ins, outs, kept]);
  const computed = new Map<string, { qty: number; value: number }>();
  const key = (r: { locationId: string; productId: string; ownerOrgId: string }) =>
    `${r.locationId}|${r.productId}|${r.ownerOrgId}`;
  for (const r of inRows) computed.set(key(r), { qty: r.qty, value: r.value });
  for (const r of outRows) {
    const c = computed.get(key(r)) ?? { qty: 0, value: 0 };
    computed.set(key(r), { qty: c.qty - r.qty, value: c.value - r.value });
  }
  const drift: {
    key: string;
    kept: { qty: number; value: number };
    computed: { qty: number; value: number };
  }[] = [];
  for (const k of keptRows) {
    const c = computed.get(key(k)) ?? { qty: 0, value: 0 };
    computed.delete(key(k));
    if (c.qty !== k.qty || c.value !== k.value)
      drift.push({ key: key(k), kept: { qty: k.qty, value: k.value }, computed: c });
  }
  for (const [k, c] of computed) {
    if (c.qty !== 0 || c.value !== 0)
      drift.push({ key: k, kept: { qty: 0, value: 0 }, computed: c });
  }
  return drift;
}

/** Σ value of the owner's stock per location kind (to tie stock to the inventory accounts). */
export async function sumStockValueByLocationKind(db: Db, ownerOrgId: string) {
  return db
    .selectFrom('stockBalance as b')
    .innerJoin('location as l', 'l.id', 'b.locationId')
    .select(['l.kind', sql<number>`sum(b.value)`.as('value'), sql<number>`sum(b.qty)`.as('qty')])
    .where('b.ownerOrgId', '=', ownerOrgId)
    .groupBy('l.kind')
    .execute() as Promise<{ kind: LocationKind; value: number; qty: number }[]>;
}
