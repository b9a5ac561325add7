import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { WajibBillTable } from './members.table.ts';

/** The wajib bills of a member, oldest month first. */
export function findMemberWajibBills(
  db: Db,
  orgId: string,
  memberId: string,
): Promise<WajibBillTable[]> {
  return db
    .selectFrom('wajibBill')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('memberId', '=', memberId)
    .orderBy('month')
    .execute();
}

/**
 * The members the billing of a month asks wajib of: active on its first day
 * (still active, or left after it) and joined on or before its last day.
 */
export async function findMembersToBill(
  db: Db,
  orgId: string,
  firstDay: string,
  lastDay: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('member')
    .select('id')
    .where('orgId', '=', orgId)
    .where('joinedOn', '<=', lastDay)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'active'),
        eb.and([eb('leftOn', 'is not', null), eb('leftOn', '>', firstDay)]),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Inserts the bills no member has yet for their month; answers how many were new. */
export async function insertWajibBillsIfAbsent(db: Db, rows: WajibBillTable[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('wajibBill')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['orgId', 'memberId', 'month']).doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/**
 * The active members whose wajib bills exceed their wajib deposits, with
 * both sums and every bill (the months in arrears are counted from them).
 */
export async function findWajibDebtors(db: Db, orgId: string) {
  const bills = db
    .selectFrom('wajibBill')
    .select(['memberId', sql<number>`sum(amount)`.as('billed')])
    .where('orgId', '=', orgId)
    .groupBy('memberId')
    .as('b');
  const paid = db
    .selectFrom('savingsTransaction')
    .select(['memberId', sql<number>`sum(amount)`.as('paid')])
    .where('orgId', '=', orgId)
    .where('kind', '=', 'wajib')
    .where('direction', '=', 'deposit')
    .groupBy('memberId')
    .as('p');
  const rows = await db
    .selectFrom('member as m')
    .innerJoin(bills, 'b.memberId', 'm.id')
    .leftJoin(paid, 'p.memberId', 'm.id')
    .select(['m.id', 'm.memberNo', 'm.name', 'm.phone', 'b.billed', 'p.paid'])
    .where('m.orgId', '=', orgId)
    .where('m.status', '=', 'active')
    .where(sql<boolean>`b.billed > coalesce(p.paid, 0)`)
    .orderBy('m.memberNo')
    .execute();
  if (rows.length === 0) return [];
  const debtors = new Set(rows.map((r) => r.id));
  const byMember = new Map<string, { month: string; amount: number }[]>();
  const allBills = await db
    .selectFrom('wajibBill')
    .select(['memberId', 'month', 'amount'])
    .where('orgId', '=', orgId)
    .orderBy('month')
    .execute();
  for (const b of allBills) {
    if (!debtors.has(b.memberId)) continue;
    const list = byMember.get(b.memberId) ?? [];
    list.push({ month: b.month, amount: b.amount });
    byMember.set(b.memberId, list);
  }
  return rows.map((r) => ({
    ...r,
    billed: Number(r.billed),
    paid: Number(r.paid ?? 0),
    bills: byMember.get(r.id) ?? [],
  }));
}
