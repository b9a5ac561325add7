import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { selectInChunks, sumInChunks } from '../../db/id-lists.ts';
import { saleNotReversed } from '../consignment/index.ts';

/**
 * The region read model's SQL: aggregates over the cooperatives' documents
 * (sales, statements, payments, subsidy grants). Reads the tables of
 * network, consignment, settlement and subsidy; writes nothing.
 */

export interface RegionScope {
  /** Cooperatives participating in these hubs' programs. */
  hubIds?: string[];
  /** Cooperatives whose village lies under these Kemendagri codes (e.g. `15.71`). */
  regionCodes?: string[];
}

export interface RegionCooperativeRow {
  id: string;
  name: string;
  villageCode: string | null;
  villageName: string | null;
  districtCode: string | null;
  districtName: string | null;
  hubId: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Its participation (its terms are versioned: `findTermsByParticipation`). */
  participationId: string | null;
}

/** The cooperatives a scope covers, with their participation (if any), by kecamatan and name. */
export async function findRegionCooperatives(
  db: Db,
  scope: RegionScope,
): Promise<RegionCooperativeRow[]> {
  return db
    .selectFrom('organization as o')
    .leftJoin('participation as p', 'p.orgId', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.villageCode',
      'o.villageName',
      'o.districtCode',
      'o.districtName',
      'p.hubId',
      'p.startDate',
      'p.endDate',
      'p.id as participationId',
    ])
    .where('o.kind', '=', 'cooperative')
    .where((eb) => {
      const ors = [];
      if (scope.hubIds?.length) ors.push(eb('p.hubId', 'in', scope.hubIds));
      for (const r of scope.regionCodes ?? []) ors.push(eb('o.villageCode', 'like', `${r}.%`));
      return ors.length ? eb.or(ors) : eb.lit(false);
    })
    .orderBy('o.districtCode')
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

/** Sales per month (`YYYY-MM`) in [from, to], with the number of cooperatives that sold anything. */
export async function sumSalesByMonth(db: Db, coopIds: string[], from: string, to: string) {
  if (coopIds.length === 0) return [];
  const month = sql<string>`substr(sale_date, 1, 7)`;
  const query = (ids: string[]) =>
    db
      .selectFrom('sale')
      // What buyers were paid back (corrections' refunds) comes off their sale.
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('saleRefund')
            .select(['orgId', 'saleId', sql<number>`sum(amount)`.as('refunded')])
            .groupBy(['orgId', 'saleId'])
            .as('rf'),
        (j) => j.onRef('rf.orgId', '=', 'sale.orgId').onRef('rf.saleId', '=', 'sale.id'),
      )
      .select([
        month.as('month'),
        sql<number>`sum(sale.total_amount - coalesce(rf.refunded, 0))`.as('salesAmount'),
        sql<number>`count(distinct sale.org_id)`.as('activeCooperatives'),
      ])
      .where('sale.orgId', 'in', ids)
      .where('sale.saleDate', '>=', from)
      .where('sale.saleDate', '<=', to)
      .where(saleNotReversed('sale.id'))
      .groupBy(month)
      .execute();
  // Chunks hold disjoint cooperatives: their sums and counts of cooperatives add up.
  return sumInChunks(
    coopIds,
    query,
    (r) => r.month,
    (a, b) => ({
      month: a.month,
      salesAmount: Number(a.salesAmount) + Number(b.salesAmount),
      activeCooperatives: Number(a.activeCooperatives) + Number(b.activeCooperatives),
    }),
  );
}

/** Subsidy handed over (paid out by transfer or netted against the bill) per cooperative, settled in [from, to]. */
export async function sumSubsidyPaidByCooperative(
  db: Db,
  coopIds: string[],
  from: string,
  to: string,
) {
  if (coopIds.length === 0) return [];
  return selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('subsidyGrant')
      .select(['orgId', sql<number>`sum(amount)`.as('amount')])
      .where('orgId', 'in', ids)
      .where('status', 'in', ['paid', 'netted'])
      .where('settledOn', '>=', from)
      .where('settledOn', '<=', to)
      .groupBy('orgId')
      .execute(),
  );
}

/** Subsidy handed over per month of settlement in [from, to]. */
export async function sumSubsidyPaidByMonth(db: Db, coopIds: string[], from: string, to: string) {
  if (coopIds.length === 0) return [];
  const month = sql<string>`substr(settled_on, 1, 7)`;
  return sumInChunks(
    coopIds,
    (ids) =>
      db
        .selectFrom('subsidyGrant')
        .select([month.as('month'), sql<number>`sum(amount)`.as('amount')])
        .where('orgId', 'in', ids)
        .where('status', 'in', ['paid', 'netted'])
        .where('settledOn', '>=', from)
        .where('settledOn', '<=', to)
        .groupBy(month)
        .execute(),
    (r) => r.month,
    (a, b) => ({ month: a.month, amount: Number(a.amount) + Number(b.amount) }),
  );
}

/** Billed charges of every statement (period end up to `upTo`), oldest first per cooperative. */
export async function findBilledStatements(db: Db, coopIds: string[], upTo: string) {
  if (coopIds.length === 0) return [];
  return selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('statement')
      .select([
        'orgId',
        'id',
        'periodEnd',
        'dueDate',
        sql<number>`sales_amount + shrinkage_amount`.as('billed'),
      ])
      .where('orgId', 'in', ids)
      .where('periodEnd', '<=', upTo)
      .orderBy('orgId')
      .orderBy('periodEnd')
      .execute(),
  );
}

/**
 * Credits (payments and netted subsidy) per cooperative and day, up to `upTo`.
 * A reversed payment or netting takes its credit back on the reversal's date
 * (its sums are negative), as `sumCredits` and the statements count it.
 */
export async function findDailyCredits(db: Db, coopIds: string[], upTo: string) {
  if (coopIds.length === 0) return [];
  const rows = await selectInChunks(coopIds, async (ids) => {
    const [payments, netted, reversed] = await Promise.all([
      db
        .selectFrom('payment')
        .select(['orgId', 'receivedOn as date', sql<number>`sum(amount)`.as('amount')])
        .where('orgId', 'in', ids)
        .where('receivedOn', '<=', upTo)
        .groupBy(['orgId', 'receivedOn'])
        .execute(),
      db
        .selectFrom('subsidyGrant')
        .select(['orgId', 'settledOn as date', sql<number>`sum(amount)`.as('amount')])
        .where('orgId', 'in', ids)
        .where('status', '=', 'netted')
        .where('settledOn', '<=', upTo)
        .groupBy(['orgId', 'settledOn'])
        .execute(),
      db
        .selectFrom('reversal')
        .select([
          'cooperativeId as orgId',
          'reversalDate as date',
          sql<number>`sum(payments_amount + subsidy_netted_amount)`.as('amount'),
        ])
        .where('cooperativeId', 'in', ids)
        .where('reversalDate', '<=', upTo)
        .where(sql<boolean>`payments_amount + subsidy_netted_amount <> 0`)
        .groupBy(['cooperativeId', 'reversalDate'])
        .execute(),
    ]);
    return [...payments, ...netted, ...reversed];
  });
  return rows.map((r) => ({
    orgId: r.orgId ?? '',
    date: r.date ?? '',
    amount: Number(r.amount),
  }));
}
