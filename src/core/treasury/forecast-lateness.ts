import { addDays, daysBetween } from '../shared/business-date.ts';
import { prorateHalfUp } from '../shared/money.ts';
import { allocateOldestFirst } from '../settlement/index.ts';

/** A statement as the forecast reads it: its new charges and when they fall due. */
export interface DueStatement {
  periodEnd: string;
  dueDate: string;
  billed: number;
}

/** Money in a cooperative's account on one day: payments and netted subsidy (a reversal is negative). */
export interface DatedAmount {
  date: string;
  amount: number;
}

/** Credits allocated to the statements oldest first (`allocateOldestFirst`, which reads only the amounts). */
export function outstandingOf(statements: DueStatement[], credit: number) {
  return allocateOldestFirst(
    statements.map((s) => ({ id: '', ...s })),
    credit,
  );
}

/**
 * A payment behaviour: rupiah paid, by days late (payment date − due date;
 * negative = early). Built from what was paid, so it says when money came,
 * not whether it will.
 */
export type Lateness = Map<number, number>;

/**
 * When each billed rupiah of the statements was paid: credits in date order
 * cover the statements oldest first (as `allocateOldestFirst` does), and the
 * rupiah covered on a day count as paid that many days after their
 * statement's due date. Rupiah still unpaid are not in it.
 */
export function latenessOf(statements: DueStatement[], credits: DatedAmount[]): Lateness {
  const out: Lateness = new Map();
  // In date order already as read (ISO dates order as strings): sorted only when not.
  const ordered = credits.every((c, i) => i === 0 || credits[i - 1]!.date <= c.date)
    ? credits
    : [...credits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (statements.some((s) => s.billed < 0)) return latenessByAllocation(statements, ordered, out);
  // With no negative bill, the rupiah covered by a running total T are the first T of the bills laid
  // end to end: each new high of the total covers the next rupiah, statement after statement.
  const billed = statements.reduce((t, s) => t + s.billed, 0);
  let total = 0;
  let covered = 0;
  let i = 0;
  let usedOfI = 0;
  for (const c of ordered) {
    total += c.amount;
    const paidNow = Math.min(Math.max(0, total), billed);
    if (paidNow <= covered) continue;
    let left = paidNow - covered;
    while (left > 0 && i < statements.length) {
      const s = statements[i]!;
      const piece = Math.min(s.billed - usedOfI, left);
      if (piece > 0) {
        const late = daysBetween(s.dueDate, c.date);
        out.set(late, (out.get(late) ?? 0) + piece);
        usedOfI += piece;
        left -= piece;
      }
      if (usedOfI >= s.billed) {
        i++;
        usedOfI = 0;
      }
    }
    covered = paidNow;
  }
  return out;
}

/** {@link latenessOf} by allocating every running total again: for bills that take credit back (negative). */
export function latenessByAllocation(
  statements: DueStatement[],
  ordered: DatedAmount[],
  out: Lateness,
): Lateness {
  let total = 0;
  let covered = 0;
  for (const c of ordered) {
    total += c.amount;
    const { outstanding } = outstandingOf(statements, total);
    const paidNow = statements.reduce((t, s, i) => t + s.billed - (outstanding[i] ?? 0), 0);
    if (paidNow <= covered) continue;
    // The rupiah newly covered belong to the statements whose paid part grew.
    const before = outstandingOf(statements, covered).outstanding;
    statements.forEach((s, i) => {
      const piece = (before[i] ?? 0) - (outstanding[i] ?? 0);
      if (piece > 0) {
        const late = daysBetween(s.dueDate, c.date);
        out.set(late, (out.get(late) ?? 0) + piece);
      }
    });
    covered = paidNow;
  }
  return out;
}

/** Several behaviours pooled: the network's, for a cooperative without its own. */
export function poolLateness(models: Lateness[]): Lateness {
  const out: Lateness = new Map();
  for (const m of models) for (const [late, w] of m) out.set(late, (out.get(late) ?? 0) + w);
  return out;
}

/** Where an amount is expected: rupiah by business date, and what the history does not expect at all. */
export interface Spread {
  byDate: Map<string, number>;
  /** Overdue longer than anything in the behaviour: not expected on any day. */
  notExpected: number;
}

/**
 * Spreads `amount`, due on `dueDate` and still unpaid on `from`, over the days
 * the behaviour says it comes: the behaviour's rupiah paid at least
 * `from − dueDate` days late, in proportion (rounded half up per day, so the
 * days add up to the amount within a rupiah per day). With nothing that late
 * in the behaviour: an amount not yet due is expected on its due date (the
 * agreed terms are all there is to go on); an overdue one is not expected.
 */
export function spreadByLateness(
  amount: number,
  dueDate: string,
  from: string,
  behaviour: Lateness,
  into: Spread,
): void {
  if (amount <= 0) return;
  const lateNow = daysBetween(dueDate, from);
  const later = [...behaviour].filter(([late]) => late >= lateNow).sort((a, b) => a[0] - b[0]);
  const mass = later.reduce((t, [, w]) => t + w, 0);
  if (mass === 0) {
    if (lateNow <= 0) add(into.byDate, dueDate, amount);
    else into.notExpected += amount;
    return;
  }
  for (const [late, w] of later)
    add(into.byDate, addDays(dueDate, late), prorateHalfUp(amount, w, mass));
}

function add(map: Map<string, number>, key: string, amount: number) {
  if (amount !== 0) map.set(key, (map.get(key) ?? 0) + amount);
}
