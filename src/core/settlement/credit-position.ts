import type { Db } from '../../db/database.ts';
import { addDays } from '../shared/business-date.ts';
import {
  allocateOldestFirst,
  ageBalance,
  type Aging,
  type BilledStatement,
} from './settlement-math.ts';
import { findStatementsOfCooperative, sumCredits } from './settlement.repository.ts';
import type { StatementTable } from './settlement.table.ts';

export interface StatementPosition extends StatementTable {
  outstanding: number;
}

export interface CreditPosition {
  statements: StatementPosition[];
  /** Credit received beyond every billed statement. */
  unusedCredit: number;
  /** Outstanding on statements already past their due date. */
  overdueAmount: number;
  /** Statements overdue longer than the grace days: they put the cooperative on shipping hold. */
  holdStatements: StatementPosition[];
}

/**
 * Where the cooperative stands on its statements on `asOf`: credits received
 * up to that day allocated oldest statement first.
 */
export async function getCreditPosition(
  db: Db,
  coopId: string,
  asOf: string,
  graceDays: number,
): Promise<CreditPosition> {
  const statements = await findStatementsOfCooperative(db, coopId, { upTo: asOf });
  const credits = await sumCredits(db, coopId, asOf);
  return creditPositionOf(statements, credits, asOf, graceDays);
}

/**
 * The pure part of {@link getCreditPosition}: the statements issued up to
 * `asOf` (oldest first) and the credits received up to then, allocated
 * oldest statement first. The network views use it on rows read in bulk, so
 * one cooperative's numbers are the same on every screen.
 */
export function creditPositionOf(
  statements: StatementTable[],
  credits: number,
  asOf: string,
  graceDays: number,
): CreditPosition {
  const billed = statements.map((s) => ({
    id: s.id,
    periodEnd: s.periodEnd,
    dueDate: s.dueDate,
    billed: s.salesAmount + s.shrinkageAmount,
  }));
  const o = overdueOf(billed, credits, asOf, graceDays);
  const positions = statements.map((s, i) => ({ ...s, outstanding: o.outstanding[i] ?? 0 }));
  return {
    statements: positions,
    unusedCredit: o.unusedCredit,
    overdueAmount: o.overdueAmount,
    holdStatements: positions.filter((s) => o.holdIds.has(s.id)),
  };
}

/**
 * The overdue rule on billed amounts: credits allocated oldest statement first; what is still
 * outstanding after its due date is overdue, and overdue longer than the grace days puts the
 * cooperative on shipping hold. `billed` oldest first, all issued by `asOf`.
 */
export function overdueOf(
  billed: BilledStatement[],
  credits: number,
  asOf: string,
  graceDays: number,
) {
  const { outstanding, unusedCredit } = allocateOldestFirst(billed, credits);
  let overdueAmount = 0;
  const holdIds = new Set<string>();
  billed.forEach((s, i) => {
    const left = outstanding[i] ?? 0;
    if (left > 0 && s.dueDate < asOf) {
      overdueAmount += left;
      if (addDays(s.dueDate, graceDays) < asOf) holdIds.add(s.id);
    }
  });
  return { outstanding, unusedCredit, overdueAmount, holdIds };
}

/** Where a cooperative stands on `asOf`, from its statements' billed amounts alone. */
export interface Standing {
  /** What is still outstanding of each statement, in the order given. */
  outstanding: number[];
  unusedCredit: number;
  overdueAmount: number;
  /** Overdue longer than the grace days: on shipping hold. */
  onHold: boolean;
  aging: Aging;
}

/**
 * {@link creditPositionOf} and {@link agingOf} in one, on the billed amounts alone: what the
 * network's reads of every cooperative (aging, the risk's month ends) work out, without a copy of
 * each statement's row. `billed` oldest first, all issued by `asOf`; `receivable` the hub's on that
 * day.
 */
export function standingOf(
  billed: BilledStatement[],
  credits: number,
  receivable: number,
  asOf: string,
  graceDays: number,
): Standing {
  const o = overdueOf(billed, credits, asOf, graceDays);
  let billedOutstanding = 0;
  for (const x of o.outstanding) billedOutstanding += x;
  // As agingOf: charges not on a statement yet, less the credit left over, are current.
  const unbilled = receivable - billedOutstanding + o.unusedCredit;
  return {
    outstanding: o.outstanding,
    unusedCredit: o.unusedCredit,
    overdueAmount: o.overdueAmount,
    onHold: o.holdIds.size > 0,
    aging: ageBalance(billed, o.outstanding, Math.max(0, unbilled), o.unusedCredit, asOf),
  };
}

export function agingOf(position: CreditPosition, receivable: number, asOf: string): Aging {
  const billedOutstanding = position.statements.reduce((t, s) => t + s.outstanding, 0);
  const unbilled = receivable - billedOutstanding + position.unusedCredit;
  return ageBalance(
    position.statements.map((s) => ({
      id: s.id,
      periodEnd: s.periodEnd,
      dueDate: s.dueDate,
      billed: s.salesAmount + s.shrinkageAmount,
    })),
    position.statements.map((s) => s.outstanding),
    Math.max(0, unbilled),
    position.unusedCredit,
    asOf,
  );
}
