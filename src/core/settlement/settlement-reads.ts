import type { Db } from '../../db/database.ts';
import { findParticipationOn, findPaymentReferences } from '../network/index.ts';
import { numberMatches } from '../numbering/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { creditPositionOf, getCreditPosition, type StatementPosition } from './credit-position.ts';
import {
  findPaymentsOfCooperative,
  findStatementsOfCooperatives,
  sumCreditsOfCooperatives,
} from './settlement.repository.ts';
import type { PaymentTable, StatementTable } from './settlement.table.ts';

/** A payment as it is shown: the row without its idempotency hash. */
export type Payment = Omit<PaymentTable, 'contentHash'>;

/** The one mapper of a payment row (or of a command's result, whose `created` flag is dropped too). */
export function toPayment(row: PaymentTable & { created?: boolean }): Payment {
  const { contentHash: _hash, created: _created, ...payment } = row;
  return payment;
}

/** A cooperative's payments, newest first; `q` keeps those whose receipt number contains it. */
export async function listCooperativePayments(
  db: Db,
  coopId: string,
  q?: string,
): Promise<Payment[]> {
  return (await findPaymentsOfCooperative(db, coopId))
    .reverse()
    .filter((p) => numberMatches(p.number, q))
    .map(toPayment);
}

/** A statement as it is shown: with the payment reference the cooperative writes on its transfers. */
export interface StatementView extends StatementPosition {
  paymentReference: string | null;
}

/**
 * A cooperative's statements issued up to today, newest first, each with
 * what is still outstanding (its participation's grace days, as its
 * balance computes them) and the cooperative's payment reference; `q` keeps
 * those whose number contains it.
 */
export async function listCooperativeStatements(
  db: Db,
  clock: Clock,
  coopId: string,
  q?: string,
): Promise<StatementView[]> {
  const today = todayWib(clock);
  const participation = await findParticipationOn(db, coopId, today);
  const position = await getCreditPosition(db, coopId, today, participation?.graceDays ?? 0);
  const paymentReference = (await findPaymentReferences(db, [coopId])).get(coopId) ?? null;
  return [...position.statements]
    .reverse()
    .filter((s) => numberMatches(s.number, q))
    .map((s) => ({ ...s, paymentReference }));
}

export interface ClosedStatement extends StatementView {
  cooperativeId: string;
}

/** The statements a period close issued, each with what is outstanding on it today. */
export async function closedStatementsOf(
  db: Db,
  clock: Clock,
  statements: StatementTable[],
): Promise<ClosedStatement[]> {
  const today = todayWib(clock);
  // The cooperatives' statements and credits read in chunks, not one cooperative at a time.
  const ids = [...new Set(statements.map((s) => s.orgId))];
  const [references, issued, credits] = await Promise.all([
    findPaymentReferences(db, ids),
    findStatementsOfCooperatives(db, ids, { upTo: today }),
    sumCreditsOfCooperatives(db, ids, today),
  ]);
  const byCoop = new Map<string, StatementTable[]>();
  for (const s of issued) {
    const list = byCoop.get(s.orgId);
    if (list) list.push(s);
    else byCoop.set(s.orgId, [s]);
  }
  const outstanding = new Map<string, number>();
  for (const [id, list] of byCoop)
    for (const x of creditPositionOf(list, credits.get(id) ?? 0, today, 0).statements)
      if (!outstanding.has(x.id)) outstanding.set(x.id, x.outstanding);
  return statements.map((s) => ({
    ...s,
    cooperativeId: s.orgId,
    paymentReference: references.get(s.orgId) ?? null,
    outstanding: outstanding.get(s.id) ?? 0,
  }));
}
