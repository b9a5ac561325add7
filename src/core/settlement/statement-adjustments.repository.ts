import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * A reversal on a statement (corrections): the original document stays on the
 * statement that billed it; its reversal lands on the statement of its own
 * date as an adjustment line. A buyer's refund of part of a sale is one too
 * (`docType` `sale_refund`, `docId` the sale, `reversalId` the refund).
 */
export interface StatementAdjustment {
  reversalId: string;
  /** The reversed document's kind (`sale`, `payment`, `stock_count`, …) and id. */
  docType: string;
  docId: string;
  /** The reversed document's number, where it has one (payments, stock counts, returns, deliveries). */
  number?: string;
  /** The reversal's business date. */
  date: string;
  reason: string;
  /** What it changes the closing balance by: negative for a reversed charge, positive for a reversed credit. */
  amount: number;
}

/**
 * The reversed document's number, from the table of its kind (sales and grants have none). These
 * four are the cooperative's own documents: given the cooperative, it is also a value, so each is
 * read in its tenant only.
 */
const numberOf = (coopId?: string) => {
  const org = coopId === undefined ? sql`r.org_id` : sql`${coopId} and x.org_id = r.org_id`;
  return sql<string | null>`case r.doc_type
  when 'payment' then (select x.number from payment x where x.org_id = ${org} and x.id = r.doc_id)
  when 'stock_count' then (select x.number from stock_count x where x.org_id = ${org} and x.id = r.doc_id)
  when 'return' then (select x.number from stock_return x where x.org_id = ${org} and x.id = r.doc_id)
  when 'delivery_receipt' then (select x.number from delivery_order x where x.org_id = ${org} and x.id = r.doc_id)
  end`;
};

/** Statement ids per query: well under both engines' bound-parameter limits. */
const CHUNK = 1_000;

/**
 * The adjustments (reversals and refunds) on each of these statements, by statement id, in date
 * order. `coopId`: the statements are that cooperative's (its tenant is then read alone).
 */
export async function findStatementAdjustments(
  db: Db,
  statementIds: string[],
  coopId?: string,
): Promise<Map<string, StatementAdjustment[]>> {
  const out = new Map<string, StatementAdjustment[]>();
  for (let i = 0; i < statementIds.length; i += CHUNK) {
    let reversals = db
      .selectFrom('reversal as r')
      .select([
        'r.statementId',
        'r.id',
        'r.docType',
        'r.docId',
        'r.reversalDate',
        'r.reason',
        'r.salesAmount',
        'r.shrinkageAmount',
        'r.paymentsAmount',
        'r.subsidyNettedAmount',
        numberOf(coopId).as('number'),
      ])
      .where('r.statementId', 'in', statementIds.slice(i, i + CHUNK));
    if (coopId !== undefined) reversals = reversals.where('r.cooperativeId', '=', coopId);
    const rows = await reversals.orderBy('r.reversalDate').orderBy('r.id').execute();
    for (const r of rows) {
      const list = out.get(r.statementId!) ?? [];
      list.push({
        reversalId: r.id,
        docType: r.docType,
        docId: r.docId,
        ...(r.number ? { number: r.number } : {}),
        date: r.reversalDate,
        reason: r.reason,
        amount:
          Number(r.salesAmount) +
          Number(r.shrinkageAmount) -
          Number(r.paymentsAmount) -
          Number(r.subsidyNettedAmount),
      });
      out.set(r.statementId!, list);
    }
    // A buyer's refund: the sale stays billed; the units brought back come off this statement.
    let refundsOf = db
      .selectFrom('saleRefund')
      .select(['statementId', 'id', 'saleId', 'refundDate', 'reason', 'consignmentAmount'])
      .where('statementId', 'in', statementIds.slice(i, i + CHUNK));
    if (coopId !== undefined) refundsOf = refundsOf.where('orgId', '=', coopId);
    const refunds = await refundsOf.execute();
    for (const r of refunds) {
      const list = out.get(r.statementId!) ?? [];
      list.push({
        reversalId: r.id,
        docType: 'sale_refund',
        docId: r.saleId,
        date: r.refundDate,
        reason: r.reason,
        amount: -Number(r.consignmentAmount),
      });
      list.sort((a, b) => a.date.localeCompare(b.date) || a.reversalId.localeCompare(b.reversalId));
      out.set(r.statementId!, list);
    }
  }
  return out;
}

/** Statements (of one cooperative, `coopId`) with their adjustment lines (none: an empty list). */
export async function withAdjustments<T extends { id: string }>(
  db: Db,
  statements: T[],
  coopId?: string,
): Promise<(T & { adjustments: StatementAdjustment[] })[]> {
  const by = await findStatementAdjustments(
    db,
    statements.map((s) => s.id),
    coopId,
  );
  return statements.map((s) => ({ ...s, adjustments: by.get(s.id) ?? [] }));
}
