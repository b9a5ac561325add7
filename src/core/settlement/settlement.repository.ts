import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PaymentTable, StatementTable } from './settlement.table.ts';

export async function findStatementsOfCooperative(
  db: Db,
  coopId: string,
  opts: { upTo?: string } = {},
): Promise<StatementTable[]> {
  let q = db.selectFrom('statement').selectAll().where('orgId', '=', coopId);
  if (opts.upTo) q = q.where('periodEnd', '<=', opts.upTo);
  return q.orderBy('periodEnd').execute();
}

export async function findStatementsOfCooperatives(
  db: Db,
  coopIds: string[],
): Promise<StatementTable[]> {
  if (coopIds.length === 0) return [];
  return db
    .selectFrom('statement')
    .selectAll()
    .where('orgId', 'in', coopIds)
    .orderBy('orgId')
    .orderBy('periodEnd')
    .execute();
}

export async function findStatementByPeriodEnd(db: Db, coopId: string, periodEnd: string) {
  return db
    .selectFrom('statement')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('periodEnd', '=', periodEnd)
    .executeTakeFirst();
}

export async function findLatestStatement(db: Db, coopId: string) {
  return db
    .selectFrom('statement')
    .selectAll()
    .where('orgId', '=', coopId)
    .orderBy('periodEnd', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertStatement(db: Db, row: StatementTable): Promise<void> {
  await db.insertInto('statement').values(row).execute();
}

/** Credits (payments and netted subsidy) received up to a date. */
export async function sumCredits(db: Db, coopId: string, asOf?: string): Promise<number> {
  let p = db
    .selectFrom('payment')
    .select(sql<number | null>`sum(amount)`.as('total'))
    .where('orgId', '=', coopId);
  let g = db
    .selectFrom('subsidyGrant')
    .select(sql<number | null>`sum(amount)`.as('total'))
    .where('orgId', '=', coopId)
    .where('status', '=', 'netted');
  if (asOf) {
    p = p.where('receivedOn', '<=', asOf);
    g = g.where('settledOn', '<=', asOf);
  }
  const [a, b] = await Promise.all([p.executeTakeFirst(), g.executeTakeFirst()]);
  return (a?.total ?? 0) + (b?.total ?? 0);
}

export async function sumCreditsOfCooperatives(
  db: Db,
  coopIds: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (coopIds.length === 0) return out;
  const [p, g] = await Promise.all([
    db
      .selectFrom('payment')
      .select(['orgId', sql<number>`sum(amount)`.as('total')])
      .where('orgId', 'in', coopIds)
      .groupBy('orgId')
      .execute(),
    db
      .selectFrom('subsidyGrant')
      .select(['orgId', sql<number>`sum(amount)`.as('total')])
      .where('orgId', 'in', coopIds)
      .where('status', '=', 'netted')
      .groupBy('orgId')
      .execute(),
  ]);
  for (const r of [...p, ...g]) out.set(r.orgId, (out.get(r.orgId) ?? 0) + r.total);
  return out;
}

/**
 * Puts every charge and credit of the cooperative dated up to `periodEnd`
 * and not yet billed on the statement, and returns the period's sums. Late
 * documents dated in an earlier period land on the next statement.
 */
export async function billToStatement(
  db: Db,
  coopId: string,
  periodEnd: string,
  statementId: string,
) {
  await db
    .updateTable('sale')
    .set({ statementId })
    .where('orgId', '=', coopId)
    .where('statementId', 'is', null)
    .where('saleDate', '<=', periodEnd)
    .execute();
  await db
    .updateTable('stockCount')
    .set({ statementId })
    .where('orgId', '=', coopId)
    .where('statementId', 'is', null)
    .where('countDate', '<=', periodEnd)
    .execute();
  await db
    .updateTable('payment')
    .set({ statementId })
    .where('orgId', '=', coopId)
    .where('statementId', 'is', null)
    .where('receivedOn', '<=', periodEnd)
    .execute();
  await db
    .updateTable('subsidyGrant')
    .set({ statementId })
    .where('orgId', '=', coopId)
    .where('statementId', 'is', null)
    .where('status', '=', 'netted')
    .where('settledOn', '<=', periodEnd)
    .execute();
}

/** Sums of the documents on a statement (or, with statementId null, of those not yet billed). */
export async function sumStatementDocuments(db: Db, coopId: string, statementId: string | null) {
  const filter =
    statementId === null ? sql`statement_id is null` : sql`statement_id = ${statementId}`;
  const [sales, counts, payments, netted] = await Promise.all([
    db
      .selectFrom('sale')
      .select(sql<number | null>`sum(consignment_amount)`.as('t'))
      .where('orgId', '=', coopId)
      .where(filter as never)
      .executeTakeFirst(),
    db
      .selectFrom('stockCount')
      .select(sql<number | null>`sum(shrinkage_amount)`.as('t'))
      .where('orgId', '=', coopId)
      .where(filter as never)
      .executeTakeFirst(),
    db
      .selectFrom('payment')
      .select(sql<number | null>`sum(amount)`.as('t'))
      .where('orgId', '=', coopId)
      .where(filter as never)
      .executeTakeFirst(),
    db
      .selectFrom('subsidyGrant')
      .select(sql<number | null>`sum(amount)`.as('t'))
      .where('orgId', '=', coopId)
      .where('status', '=', 'netted')
      .where(filter as never)
      .executeTakeFirst(),
  ]);
  return {
    salesAmount: sales?.t ?? 0,
    shrinkageAmount: counts?.t ?? 0,
    paymentsAmount: payments?.t ?? 0,
    subsidyNettedAmount: netted?.t ?? 0,
  };
}

export async function findPaymentById(db: Db, coopId: string, id: string) {
  return db
    .selectFrom('payment')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPayment(db: Db, row: PaymentTable): Promise<void> {
  await db.insertInto('payment').values(row).execute();
}

export async function findPaymentsOfCooperative(db: Db, coopId: string): Promise<PaymentTable[]> {
  return db
    .selectFrom('payment')
    .selectAll()
    .where('orgId', '=', coopId)
    .orderBy('receivedOn')
    .orderBy('id')
    .execute();
}

export async function updateStatementSums(
  db: Db,
  coopId: string,
  id: string,
  sums: Pick<
    StatementTable,
    'salesAmount' | 'shrinkageAmount' | 'paymentsAmount' | 'subsidyNettedAmount' | 'closingBalance'
  >,
) {
  await db
    .updateTable('statement')
    .set(sums)
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .execute();
}
