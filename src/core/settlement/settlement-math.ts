import { daysBetween } from '../shared/business-date.ts';

export interface BilledStatement {
  id: string;
  periodEnd: string;
  dueDate: string;
  /** New charges of the period: sales and shrinkage at the consignment price. */
  billed: number;
}

/**
 * Credits (payments, netted subsidy, sponsor payments) go to the oldest open
 * statement first. Returns each statement's outstanding amount, in the order
 * given (which must be oldest first), and the credit left over.
 */
export function allocateOldestFirst(
  statements: BilledStatement[],
  totalCredits: number,
): { outstanding: number[]; unusedCredit: number } {
  let credit = Math.max(0, totalCredits);
  const outstanding = statements.map((s) => {
    const used = Math.min(credit, s.billed);
    credit -= used;
    return s.billed - used;
  });
  return { outstanding, unusedCredit: credit };
}

export interface Aging {
  current: number;
  d1to30: number;
  d31to60: number;
  d61to90: number;
  d90plus: number;
}

export type AgingBucket = keyof Aging;

/** The aging bucket of an amount due on `dueDate`, seen on `asOf`. */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return 'd1to30';
  if (late <= 60) return 'd31to60';
  if (late <= 90) return 'd61to90';
  return 'd90plus';
}

/**
 * Ages a cooperative's balance: outstanding statements by days past due, and
 * charges not yet on any statement (less any credit left over) as current.
 */
export function ageBalance(
  statements: BilledStatement[],
  outstanding: number[],
  unbilledCharges: number,
  unusedCredit: number,
  asOf: string,
): Aging {
  const aging: Aging = { current: 0, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 };
  statements.forEach((s, i) => {
    const o = outstanding[i] ?? 0;
    if (o > 0) aging[agingBucket(s.dueDate, asOf)] += o;
  });
  aging.current += Math.max(0, unbilledCharges - unusedCredit);
  return aging;
}
