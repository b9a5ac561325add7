import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { selectInChunks } from '../../db/id-lists.ts';
import { heldHistory, keptCutoff } from '../kept/index.ts';
import type { BilledStatement } from './settlement-math.ts';
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

/** Statements of the cooperatives, oldest first per cooperative (up to a period end when given). */
export async function findStatementsOfCooperatives(
  db: Db,
  coopIds: string[],
  opts: { upTo?: string } = {},
): Promise<StatementTable[]> {
  if (coopIds.length === 0) return [];
  return selectInChunks(coopIds, (ids) => {
    let q = db.selectFrom('statement').selectAll().where('orgId', 'in', ids);
    if (opts.upTo) q = q.where('periodEnd', '<=', opts.upTo);
    return q.orderBy('orgId').orderBy('periodEnd').execute();
  });
}

/** A statement as positions are worked out from it: its dates and what it billed. */
export interface BilledStatementRow {
  orgId: string;
  /** The hub it was issued by (a cooperative may take part in more than one). */
  hubId: string;
  id: string;
  periodEnd: string;
  dueDate: string;
  salesAmount: number;
  shrinkageAmount: number;
}

/**
 * {@link findStatementsOfCooperatives} with only the columns a position needs: the network reads
 * of many dates and cooperatives, where every other column would be read for nothing.
 */
export async function findBilledStatementsOfCooperatives(
  db: Db,
  coopIds: string[],
  opts: { upTo?: string; after?: string } = {},
): Promise<BilledStatementRow[]> {
  if (coopIds.length === 0) return [];
  return selectInChunks(coopIds, (ids) => {
    let q = db
      .selectFrom('statement')
      .select(['orgId', 'hubId', 'id', 'periodEnd', 'dueDate', 'salesAmount', 'shrinkageAmount'])
      .where('orgId', 'in', ids);
    if (opts.upTo) q = q.where('periodEnd', '<=', opts.upTo);
    if (opts.after) q = q.where('periodEnd', '>', opts.after);
    return q.orderBy('orgId').orderBy('periodEnd').execute();
  });
}

/**
 * {@link findBilledStatementsOfCooperatives} of all a hub's participants, as on `today`: those of
 * period ends up to the kept cutoff held in this process (`heldHistory`), the later ones read.
 * Each cooperative's oldest first (the held ones before the read ones).
 */
export async function findHubStatementsOf(
  db: Db,
  hubId: string,
  coopIds: string[],
  today: string,
): Promise<readonly BilledStatementRow[]> {
  const cutoff = keptCutoff(today);
  const [early, late] = await Promise.all([
    heldHistory(db, hubId, 'statements', cutoff, coopIds.join(','), () =>
      findBilledStatementsOfCooperatives(db, coopIds, { upTo: cutoff }),
    ),
    findBilledStatementsOfCooperatives(db, coopIds, { after: cutoff }),
  ]);
  // The same list as the last read's while the later statements are the same: what the reads
  // work out of it (`derivedOf`) is worked out once.
  const signature = late
    .map((s) => `${s.id}|${s.periodEnd}|${s.dueDate}|${s.salesAmount}|${s.shrinkageAmount}`)
    .join(',');
  const last = withLater.get(early);
  if (last?.signature === signature) return last.rows;
  const rows = late.length === 0 ? early : [...early, ...late];
  withLater.set(early, { signature, rows });
  return rows;
}

/** Each held list of statements with the later ones last read after it. */
const withLater = new WeakMap<
  readonly BilledStatementRow[],
  { signature: string; rows: readonly BilledStatementRow[] }
>();

/** Each cooperative's statements as billed amounts (`standingOf`'s input), in the rows' order. */
export function billedByCooperative(
  rows: readonly BilledStatementRow[],
  upTo?: string,
): Map<string, BilledStatement[]> {
  const out = new Map<string, BilledStatement[]>();
  for (const s of rows) {
    if (upTo !== undefined && s.periodEnd > upTo) continue;
    const billed = {
      id: s.id,
      periodEnd: s.periodEnd,
      dueDate: s.dueDate,
      billed: s.salesAmount + s.shrinkageAmount,
    };
    const list = out.get(s.orgId);
    if (list) list.push(billed);
    else out.set(s.orgId, [billed]);
  }
  return out;
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
  // A reversed payment or netting takes its credit back (the reversal's sums are negative).
  let r = db
    .selectFrom('reversal')
    .select(sql<number | null>`sum(payments_amount + subsidy_netted_amount)`.as('total'))
    .where('cooperativeId', '=', coopId);
  if (asOf) {
    p = p.where('receivedOn', '<=', asOf);
    g = g.where('settledOn', '<=', asOf);
    r = r.where('reversalDate', '<=', asOf);
  }
  const [a, b, c] = await Promise.all([
    p.executeTakeFirst(),
    g.executeTakeFirst(),
    r.executeTakeFirst(),
  ]);
  return (a?.total ?? 0) + (b?.total ?? 0) + Number(c?.total ?? 0);
}

/** Credits per cooperative (payments and netted subsidy), up to `asOf` when given. */
export async function sumCreditsOfCooperatives(
  db: Db,
  coopIds: string[],
  asOf?: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (coopIds.length === 0) return out;
  const rows = await selectInChunks(coopIds, async (ids) => {
    let pq = db
      .selectFrom('payment')
      .select(['orgId', sql<number>`sum(amount)`.as('total')])
      .where('orgId', 'in', ids);
    let gq = db
      .selectFrom('subsidyGrant')
      .select(['orgId', sql<number>`sum(amount)`.as('total')])
      .where('orgId', 'in', ids)
      .where('status', '=', 'netted');
    let rq = db
      .selectFrom('reversal')
      .select([
        'cooperativeId as orgId',
        sql<number>`sum(payments_amount + subsidy_netted_amount)`.as('total'),
      ])
      .where('cooperativeId', 'in', ids);
    if (asOf) {
      pq = pq.where('receivedOn', '<=', asOf);
      gq = gq.where('settledOn', '<=', asOf);
      rq = rq.where('reversalDate', '<=', asOf);
    }
    const [p, g, rv] = await Promise.all([
      pq.groupBy('orgId').execute(),
      gq.groupBy('orgId').execute(),
      rq.groupBy('cooperativeId').execute(),
    ]);
    return [...p, ...g, ...rv.map((x) => ({ orgId: x.orgId!, total: Number(x.total) }))];
  });
  for (const r of rows) out.set(r.orgId, (out.get(r.orgId) ?? 0) + r.total);
  return out;
}

/**
 * Credits per cooperative up to each of `dates` (as {@link sumCreditsOfCooperatives} on each
 * date), in one read per source: a conditional sum per date.
 */
export async function sumCreditsOfCooperativesAtEach(
  db: Db,
  coopIds: string[],
  dates: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map(dates.map((d) => [d, new Map<string, number>()]));
  if (coopIds.length === 0 || dates.length === 0) return out;
  const upTo = (column: string, amount: string) =>
    dates.map((d, i) =>
      sql<number>`sum(case when ${sql.raw(column)} <= ${d} then ${sql.raw(amount)} else 0 end)`.as(
        `d${i}`,
      ),
    );
  const rows = await selectInChunks(coopIds, async (ids) => {
    const [p, g, rv] = await Promise.all([
      db
        .selectFrom('payment')
        .select(['orgId', ...upTo('received_on', 'amount')])
        .where('orgId', 'in', ids)
        .groupBy('orgId')
        .execute(),
      db
        .selectFrom('subsidyGrant')
        .select(['orgId', ...upTo('settled_on', 'amount')])
        .where('orgId', 'in', ids)
        .where('status', '=', 'netted')
        .groupBy('orgId')
        .execute(),
      db
        .selectFrom('reversal')
        .select([
          'cooperativeId as orgId',
          ...upTo('reversal_date', 'payments_amount + subsidy_netted_amount'),
        ])
        .where('cooperativeId', 'in', ids)
        .groupBy('cooperativeId')
        .execute(),
    ]);
    return [...p, ...g, ...rv] as unknown as ({ orgId: string } & Record<string, unknown>)[];
  });
  for (const r of rows)
    dates.forEach((d, i) => {
      const m = out.get(d)!;
      m.set(r.orgId, (m.get(r.orgId) ?? 0) + Number(r[`d${i}`] ?? 0));
    });
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
  // Reversals (corrections) land on the statement of their own date, as adjustments.
  await db
    .updateTable('reversal')
    .set({ statementId })
    .where('cooperativeId', '=', coopId)
    .where('statementId', 'is', null)
    .where('reversalDate', '<=', periodEnd)
    .execute();
  await db
    .updateTable('saleRefund')
    .set({ statementId })
    .where('orgId', '=', coopId)
    .where('statementId', 'is', null)
    .where('refundDate', '<=', periodEnd)
    .execute();
}

/** Sums of the documents on a statement (or, with statementId null, of those not yet billed). */
export async function sumStatementDocuments(db: Db, coopId: string, statementId: string | null) {
  const filter =
    statementId === null ? sql`statement_id is null` : sql`statement_id = ${statementId}`;
  const [sales, counts, payments, netted, reversed, refunded] = await Promise.all([
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
    db
      .selectFrom('reversal')
      .select([
        sql<number | null>`sum(sales_amount)`.as('sales'),
        sql<number | null>`sum(shrinkage_amount)`.as('shrinkage'),
        sql<number | null>`sum(payments_amount)`.as('payments'),
        sql<number | null>`sum(subsidy_netted_amount)`.as('netted'),
      ])
      .where('cooperativeId', '=', coopId)
      .where(filter as never)
      .executeTakeFirst(),
    db
      .selectFrom('saleRefund')
      .select(sql<number | null>`sum(consignment_amount)`.as('t'))
      .where('orgId', '=', coopId)
      .where(filter as never)
      .executeTakeFirst(),
  ]);
  // A reversal's sums are negative: the original's share with its sign turned.
  return {
    salesAmount: (sales?.t ?? 0) + Number(reversed?.sales ?? 0) - Number(refunded?.t ?? 0),
    shrinkageAmount: (counts?.t ?? 0) + Number(reversed?.shrinkage ?? 0),
    paymentsAmount: (payments?.t ?? 0) + Number(reversed?.payments ?? 0),
    subsidyNettedAmount: (netted?.t ?? 0) + Number(reversed?.netted ?? 0),
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

export async function findStatementById(
  db: Db,
  coopId: string,
  id: string,
): Promise<StatementTable | undefined> {
  return db
    .selectFrom('statement')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The documents behind a statement's numbers, so that a manager can trace
 * each one: its sales per day and per product, its stock counts with a
 * shrinkage charge, its payments and its netted subsidy.
 */
export async function findStatementDocuments(db: Db, coopId: string, statementId: string) {
  const [salesByDay, salesByProduct, counts, payments, netted, reversed, refunds] =
    await Promise.all([
      db
        .selectFrom('sale')
        .select([
          'saleDate',
          sql<number>`count(*)`.as('sales'),
          sql<number>`sum(consignment_amount)`.as('amount'),
        ])
        .where('orgId', '=', coopId)
        .where('statementId', '=', statementId)
        .groupBy('saleDate')
        .orderBy('saleDate')
        .execute(),
      db
        .selectFrom('saleLine as l')
        .innerJoin('sale as s', (j) =>
          j.onRef('s.orgId', '=', 'l.orgId').onRef('s.id', '=', 'l.saleId'),
        )
        .innerJoin('product as p', 'p.id', 'l.productId')
        .select([
          'l.productId',
          'p.sku',
          'p.name',
          sql<number>`sum(l.qty)`.as('qty'),
          sql<number>`sum(l.qty * l.consignment_price)`.as('amount'),
        ])
        .where('l.orgId', '=', coopId)
        .where('s.statementId', '=', statementId)
        .groupBy(['l.productId', 'p.sku', 'p.name'])
        .orderBy('p.sku')
        .execute(),
      db
        .selectFrom('stockCount')
        .select(['id', 'number', 'countDate', 'shrinkageAmount'])
        .where('orgId', '=', coopId)
        .where('statementId', '=', statementId)
        .orderBy('countDate')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('payment')
        .select(['id', 'number', 'receivedOn', 'method', 'reference', 'amount'])
        .where('orgId', '=', coopId)
        .where('statementId', '=', statementId)
        .orderBy('receivedOn')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('subsidyGrant')
        .select(['id', 'month', 'settledOn', 'amount'])
        .where('orgId', '=', coopId)
        .where('statementId', '=', statementId)
        .where('status', '=', 'netted')
        .orderBy('month')
        .execute(),
      db
        .selectFrom('reversal')
        .select([
          'id',
          'docType',
          'docId',
          'reversalDate',
          'reason',
          'salesAmount',
          'shrinkageAmount',
          'paymentsAmount',
          'subsidyNettedAmount',
        ])
        .where('cooperativeId', '=', coopId)
        .where('statementId', '=', statementId)
        .orderBy('reversalDate')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('saleRefund')
        .select(['id', 'saleId', 'refundDate', 'reason', 'consignmentAmount'])
        .where('orgId', '=', coopId)
        .where('statementId', '=', statementId)
        .execute(),
    ]);
  // A buyer's refund is an adjustment too: the sale's charge for the units brought back comes off.
  const reversals = [
    ...reversed,
    ...refunds.map((r) => ({
      id: r.id,
      docType: 'sale_refund',
      docId: r.saleId,
      reversalDate: r.refundDate,
      reason: r.reason,
      salesAmount: -Number(r.consignmentAmount),
      shrinkageAmount: 0,
      paymentsAmount: 0,
      subsidyNettedAmount: 0,
    })),
  ].sort((a, b) => a.reversalDate.localeCompare(b.reversalDate) || a.id.localeCompare(b.id));
  return {
    salesByDay: salesByDay.map((r) => ({ ...r, sales: Number(r.sales) })),
    salesByProduct: salesByProduct.map((r) => ({
      ...r,
      qty: Number(r.qty),
      amount: Number(r.amount),
    })),
    counts,
    payments,
    netted,
    /** Adjustments: reversals and buyers' refunds dated in the period (sums negative, as they add to the statement). */
    reversals,
  };
}
