import type { Db } from '../../db/database.ts';
import { findParticipation } from '../network/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { getCreditPosition, type StatementPosition } from './credit-position.ts';
import { findPaymentsOfCooperative } from './settlement.repository.ts';
import type { PaymentTable, StatementTable } from './settlement.table.ts';

/** A payment as it is shown: the row without its idempotency hash. */
export type Payment = Omit<PaymentTable, 'contentHash'>;

/** The one mapper of a payment row (or of a command's result, whose `created` flag is dropped too). */
export function toPayment(row: PaymentTable & { created?: boolean }): Payment {
  const { contentHash: _hash, created: _created, ...payment } = row;
  return payment;
}

/** A cooperative's payments, newest first. */
export async function listCooperativePayments(db: Db, coopId: string): Promise<Payment[]> {
  return (await findPaymentsOfCooperative(db, coopId)).reverse().map(toPayment);
}

/**
 * A cooperative's statements issued up to today, newest first, each with
 * what is still outstanding (its participation's grace days, as its
 * balance computes them).
 */
export async function listCooperativeStatements(
  db: Db,
  clock: Clock,
  coopId: string,
): Promise<StatementPosition[]> {
  const participation = await findParticipation(db, coopId);
  const position = await getCreditPosition(
    db,
    coopId,
    todayWib(clock),
    participation?.graceDays ?? 0,
  );
  return [...position.statements].reverse();
}

export interface ClosedStatement extends StatementPosition {
  cooperativeId: string;
}

/** The statements a period close issued, each with what is outstanding on it today. */
export async function closedStatementsOf(
  db: Db,
  clock: Clock,
  statements: StatementTable[],
): Promise<ClosedStatement[]> {
  const today = todayWib(clock);
  const out: ClosedStatement[] = [];
  for (const s of statements) {
    const position = await getCreditPosition(db, s.orgId, today, 0);
    out.push({
      ...s,
      cooperativeId: s.orgId,
      outstanding: position.statements.find((x) => x.id === s.id)?.outstanding ?? 0,
    });
  }
  return out;
}
