import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import {
  findOrderReversalSponsors,
  saleNotReversed,
  sumRefundsOfSalesIn,
} from '../consignment/index.ts';
import type {
  FiscalYearCloseTable,
  ShuDistributionTable,
  ShuMemberShareTable,
  ShuRuleTable,
} from './yearend.table.ts';

/**
 * The SQL of SHU rules, closes, members' shares and distributions. Reads the
 * `member`, `sale`, `sale_refund` and `savings_transaction` tables of the
 * members and consignment modules (SQL, no write).
 */

export function findShuRule(db: Db, orgId: string, year: number) {
  return db
    .selectFrom('shuRule')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertShuRule(db: Db, row: ShuRuleTable): Promise<void> {
  await db
    .insertInto('shuRule')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['orgId', 'year']).doUpdateSet({
        allocation: row.allocation,
        jasaUsahaBp: row.jasaUsahaBp,
        jasaModalBp: row.jasaModalBp,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export function findFiscalYearClose(db: Db, orgId: string, year: number) {
  return db
    .selectFrom('fiscalYearClose')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The organization's closes, latest year first. */
export function findFiscalYearCloses(db: Db, orgId: string): Promise<FiscalYearCloseTable[]> {
  return db
    .selectFrom('fiscalYearClose')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('year', 'desc')
    .execute();
}

export async function insertFiscalYearClose(
  db: Db,
  row: FiscalYearCloseTable,
  shares: ShuMemberShareTable[],
): Promise<void> {
  await db.insertInto('fiscalYearClose').values(row).execute();
  for (let i = 0; i < shares.length; i += 500)
    await db
      .insertInto('shuMemberShare')
      .values(shares.slice(i, i + 500))
      .execute();
}

/** A closed year's members' shares with their number and name, in member-number order. */
export function findMemberShares(db: Db, orgId: string, year: number) {
  return db
    .selectFrom('shuMemberShare as s')
    .innerJoin('member as m', (j) =>
      j.onRef('m.orgId', '=', 's.orgId').onRef('m.id', '=', 's.memberId'),
    )
    .select([
      's.memberId',
      'm.memberNo',
      'm.name',
      's.purchases',
      's.savings',
      's.jasaUsaha',
      's.jasaModal',
      's.total',
    ])
    .where('s.orgId', '=', orgId)
    .where('s.year', '=', year)
    .orderBy('m.memberNo')
    .execute();
}

export function findShuDistribution(db: Db, orgId: string, year: number) {
  return db
    .selectFrom('shuDistribution')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function insertShuDistribution(db: Db, row: ShuDistributionTable): Promise<void> {
  await db.insertInto('shuDistribution').values(row).execute();
}

/** The years (`YYYY`) in which the organization has journal entries, latest first. */
export async function findYearsWithEntries(db: Db, orgId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('journalEntry')
    .select(sql<string>`substr(entry_date, 1, 4)`.as('year'))
    .distinct()
    .where('orgId', '=', orgId)
    .execute();
  return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

/**
 * Each member's purchases at the cooperative dated in [from, to]: their
 * sales' totals less what they were paid back, reversed sales left out (as
 * `listMemberPurchases` counts them).
 */
export async function sumPurchasesByMember(
  db: Db,
  coopId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const sponsors = await findOrderReversalSponsors(db, [coopId]);
  const sales = await db
    .selectFrom('sale')
    .select(['memberId', sql<number>`sum(total_amount)`.as('amount')])
    .where('orgId', '=', coopId)
    .where('memberId', 'is not', null)
    .where('saleDate', '>=', from)
    .where('saleDate', '<=', to)
    .where(saleNotReversed('sale.id', sponsors))
    .groupBy('memberId')
    .execute();
  const refunds = await sumRefundsOfSalesIn(db, [coopId], from, to, { by: 'memberId' });
  const out = new Map<string, number>();
  for (const s of sales) out.set(s.memberId!, Number(s.amount));
  // Refunds of member sales only: a non-member sale's key is null.
  for (const [memberId, r] of refunds)
    if (memberId) out.set(memberId, (out.get(memberId) ?? 0) - r.amount);
  return out;
}

/** Each member's simpanan pokok + wajib on a date (deposits − withdrawals dated on or before it). */
export async function sumCapitalSavingsByMember(
  db: Db,
  coopId: string,
  asOf: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('savingsTransaction')
    .select([
      'memberId',
      sql<number>`sum(case when direction = 'deposit' then amount else -amount end)`.as('net'),
    ])
    .where('orgId', '=', coopId)
    .where('kind', 'in', ['pokok', 'wajib'])
    .where('txDate', '<=', asOf)
    .groupBy('memberId')
    .execute();
  return new Map(rows.map((r) => [r.memberId, Number(r.net)]));
}

/** Number and name of some of the cooperative's members. */
export async function findMemberNames(db: Db, coopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const out: { id: string; memberNo: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('member')
        .select(['id', 'memberNo', 'name'])
        .where('orgId', '=', coopId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}
