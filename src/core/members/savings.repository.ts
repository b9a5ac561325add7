import { sql } from 'kysely';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import type {
  MemberRole,
  MemberStatus,
  SavingsKind,
  SavingsRuleTable,
  SavingsTransactionTable,
} from './members.table.ts';

/** What savings need to know of a member (the member table is the registry's). */
export interface SavingsMember {
  orgId: string;
  id: string;
  memberNo: string;
  nik: string;
  name: string;
  joinedOn: string;
  status: MemberStatus;
  leftOn: string | null;
  phone: string | null;
  role: MemberRole | null;
}

const MEMBER_COLUMNS = [
  'orgId',
  'id',
  'memberNo',
  'nik',
  'name',
  'joinedOn',
  'status',
  'leftOn',
  'phone',
  'role',
] as const;

/**
 * A member of the cooperative. With `lock`, on PostgreSQL the row stays
 * locked until the transaction ends: every change of the member's savings
 * takes it first, so two withdrawals never both pass the balance check.
 */
export async function findSavingsMember(
  db: Db,
  orgId: string,
  memberId: string,
  opts: { lock?: boolean } = {},
): Promise<SavingsMember | undefined> {
  let q = db
    .selectFrom('member')
    .select(MEMBER_COLUMNS)
    .where('orgId', '=', orgId)
    .where('id', '=', memberId);
  if (opts.lock && engineOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Ends a membership: its status and the day it ended. */
export async function markMemberEnded(
  db: Db,
  m: { orgId: string; id: string; status: MemberStatus; leftOn: string; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('member')
    .set({ status: m.status, leftOn: m.leftOn, updatedAt: m.updatedAt })
    .where('orgId', '=', m.orgId)
    .where('id', '=', m.id)
    .execute();
}

/** Every savings rule of the cooperative, newest `effectiveFrom` first. */
export function findSavingsRules(db: Db, orgId: string): Promise<SavingsRuleTable[]> {
  return db
    .selectFrom('savingsRule')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('effectiveFrom', 'desc')
    .execute();
}

/** The rule in force on `date`: the latest one from on or before it. */
export function findSavingsRuleOn(
  db: Db,
  orgId: string,
  date: string,
): Promise<SavingsRuleTable | undefined> {
  return db
    .selectFrom('savingsRule')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Sets the rule from its date: a second rule for the same date replaces the first. */
export async function upsertSavingsRule(db: Db, row: SavingsRuleTable): Promise<void> {
  await db
    .insertInto('savingsRule')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['orgId', 'effectiveFrom']).doUpdateSet({
        pokok: row.pokok,
        wajibMonthly: row.wajibMonthly,
        createdBy: row.createdBy,
        createdAt: row.createdAt,
      }),
    )
    .execute();
}

/** The cooperatives that have savings rules (the monthly billing's list). */
export async function findCooperativesWithSavingsRules(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('savingsRule').select('orgId').distinct().execute();
  return rows.map((r) => r.orgId).sort();
}

export function findSavingsTransaction(
  db: Db,
  orgId: string,
  id: string,
): Promise<SavingsTransactionTable | undefined> {
  return db
    .selectFrom('savingsTransaction')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSavingsTransactionsById(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<SavingsTransactionTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('savingsTransaction')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

export async function insertSavingsTransaction(db: Db, row: SavingsTransactionTable) {
  await db.insertInto('savingsTransaction').values(row).execute();
}

/** A member's transactions in the order they count: by date, then as recorded. */
export function findMemberSavingsTransactions(
  db: Db,
  orgId: string,
  memberId: string,
): Promise<SavingsTransactionTable[]> {
  return db
    .selectFrom('savingsTransaction')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('memberId', '=', memberId)
    .orderBy('txDate')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** A member's balance per kind: Σ deposits − Σ withdrawals. */
export async function sumMemberSavings(
  db: Db,
  orgId: string,
  memberId: string,
): Promise<Record<SavingsKind, number>> {
  const rows = await db
    .selectFrom('savingsTransaction')
    .select([
      'kind',
      sql<number>`sum(case when direction = 'deposit' then amount else -amount end)`.as('net'),
    ])
    .where('orgId', '=', orgId)
    .where('memberId', '=', memberId)
    .groupBy('kind')
    .execute();
  const out = { pokok: 0, wajib: 0, sukarela: 0 };
  for (const r of rows) out[r.kind] = Number(r.net);
  return out;
}

/** Σ deposits − Σ withdrawals per cooperative and kind, of every cooperative. */
export function sumSavingsByCooperative(
  db: Db,
): Promise<{ orgId: string; kind: SavingsKind; net: number }[]> {
  return db
    .selectFrom('savingsTransaction')
    .select([
      'orgId',
      'kind',
      sql<number>`sum(case when direction = 'deposit' then amount else -amount end)`.as('net'),
    ])
    .groupBy(['orgId', 'kind'])
    .execute();
}
