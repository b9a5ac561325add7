import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Per cooperative: Σ charges and Σ credits from the documents themselves. */
export async function sumDocumentsPerCooperative(db: Db) {
  const [sales, counts, payments, netted] = await Promise.all([
    db
      .selectFrom('sale')
      .select(['orgId', sql<number>`sum(consignment_amount)`.as('t')])
      .groupBy('orgId')
      .execute(),
    db
      .selectFrom('stockCount')
      .select(['orgId', sql<number>`sum(shrinkage_amount)`.as('t')])
      .groupBy('orgId')
      .execute(),
    db
      .selectFrom('payment')
      .select(['orgId', sql<number>`sum(amount)`.as('t')])
      .groupBy('orgId')
      .execute(),
    db
      .selectFrom('subsidyGrant')
      .select(['orgId', sql<number>`sum(amount)`.as('t')])
      .where('status', '=', 'netted')
      .groupBy('orgId')
      .execute(),
  ]);
  return { sales, counts, payments, netted, reversals: await sumReversals(db, false) };
}

/** Reversals' and refunds' statement sums (negative) per cooperative, or per cooperative and statement. */
async function sumReversals(db: Db, perStatement: boolean) {
  const rows = await db
    .selectFrom('reversal')
    .select([
      'cooperativeId',
      'statementId',
      sql<number>`sum(sales_amount)`.as('sales'),
      sql<number>`sum(shrinkage_amount)`.as('shrinkage'),
      sql<number>`sum(payments_amount)`.as('payments'),
      sql<number>`sum(subsidy_netted_amount)`.as('netted'),
    ])
    .where('cooperativeId', 'is not', null)
    .$if(perStatement, (q) => q.where('statementId', 'is not', null))
    .groupBy(['cooperativeId', 'statementId'])
    .execute();
  // A refund takes its units' consignment charge off, like a reversal.
  const refunds = await db
    .selectFrom('saleRefund')
    .select(['orgId', 'statementId', sql<number>`sum(consignment_amount)`.as('t')])
    .$if(perStatement, (q) => q.where('statementId', 'is not', null))
    .groupBy(['orgId', 'statementId'])
    .execute();
  const out = new Map(
    rows.map((r) => [
      `${r.cooperativeId}|${r.statementId}`,
      {
        orgId: r.cooperativeId!,
        statementId: r.statementId,
        sales: Number(r.sales),
        shrinkage: Number(r.shrinkage),
        payments: Number(r.payments),
        netted: Number(r.netted),
      },
    ]),
  );
  for (const f of refunds) {
    const k = `${f.orgId}|${f.statementId}`;
    const r = out.get(k) ?? {
      orgId: f.orgId,
      statementId: f.statementId,
      sales: 0,
      shrinkage: 0,
      payments: 0,
      netted: 0,
    };
    r.sales -= Number(f.t);
    out.set(k, r);
  }
  return [...out.values()];
}

/** Per statement: the sums of the documents billed on it. */
export async function sumDocumentsPerStatement(db: Db) {
  const [sales, counts, payments, netted] = await Promise.all([
    db
      .selectFrom('sale')
      .select(['orgId', 'statementId', sql<number>`sum(consignment_amount)`.as('t')])
      .where('statementId', 'is not', null)
      .groupBy(['orgId', 'statementId'])
      .execute(),
    db
      .selectFrom('stockCount')
      .select(['orgId', 'statementId', sql<number>`sum(shrinkage_amount)`.as('t')])
      .where('statementId', 'is not', null)
      .groupBy(['orgId', 'statementId'])
      .execute(),
    db
      .selectFrom('payment')
      .select(['orgId', 'statementId', sql<number>`sum(amount)`.as('t')])
      .where('statementId', 'is not', null)
      .groupBy(['orgId', 'statementId'])
      .execute(),
    db
      .selectFrom('subsidyGrant')
      .select(['orgId', 'statementId', sql<number>`sum(amount)`.as('t')])
      .where('statementId', 'is not', null)
      .where('status', '=', 'netted')
      .groupBy(['orgId', 'statementId'])
      .execute(),
  ]);
  return { sales, counts, payments, netted, reversals: await sumReversals(db, true) };
}

export async function findAllStatements(db: Db) {
  return db.selectFrom('statement').selectAll().orderBy('orgId').orderBy('periodEnd').execute();
}

export async function findAllAccountBalances(db: Db) {
  return db.selectFrom('accountBalance').selectAll().execute();
}

export async function findHubs(db: Db) {
  return db.selectFrom('organization').select(['id', 'name']).where('kind', '=', 'hub').execute();
}

/** Σ qty of sale lines per cooperative next to Σ qty of stock moved to its customer location. */
export async function compareSalesToMoves(db: Db) {
  const [lines, moves] = await Promise.all([
    db
      .selectFrom('saleLine')
      .select(['orgId', sql<number>`sum(qty)`.as('qty')])
      .groupBy('orgId')
      .execute(),
    db
      .selectFrom('stockMove as m')
      .innerJoin('location as l', 'l.id', 'm.toLocationId')
      .select(['l.orgId', sql<number>`sum(m.qty)`.as('qty')])
      .where('l.kind', '=', 'customer')
      .where('m.docType', 'in', ['sale', 'sales_batch'])
      .groupBy('l.orgId')
      .execute(),
  ]);
  return { lines, moves };
}
