import { termsOn, type ParticipationTerms } from '../network/index.ts';
import {
  addDays,
  daysBetween,
  isoWeekday,
  lastDayOfMonth,
  monthOf,
} from '../shared/business-date.ts';
import { prorateHalfUp } from '../shared/money.ts';
import {
  latenessOf,
  outstandingOf,
  poolLateness,
  spreadByLateness,
  type DatedAmount,
  type DueStatement,
  type Lateness,
  type Spread,
} from './forecast-lateness.ts';

/** Days of sales the velocity is taken over. */
export const VELOCITY_DAYS = 28;

/** One cooperative's whole history as the forecast reads it; `collectionsOf` keeps only what was known on a day. */
export interface CooperativeHistory {
  id: string;
  startDate: string;
  endDate: string | null;
  /** Versions of its terms (settlement period and payment terms decide where future sales are billed). */
  terms: (Pick<ParticipationTerms, 'settlementPeriod' | 'paymentTermsDays'> & {
    effectiveFrom: string;
  })[];
  /** Its statements, oldest first. */
  statements: DueStatement[];
  /** Payments and netted subsidy by day. */
  credits: DatedAmount[];
  /** Charges at the consignment price by day: sales, shrinkage, less corrections. */
  charges: DatedAmount[];
}

/** Expected collections by day, split by where they come from. */
export interface Collections {
  /** From statements already issued. */
  statements: Spread;
  /** From sales not yet on a statement: made already, or expected from the sales velocity. */
  sales: Spread;
}

/** The end of the settlement period `date` falls in. */
export function periodEndOf(period: 'weekly' | 'monthly', date: string): string {
  if (period === 'monthly') return lastDayOfMonth(monthOf(date));
  return addDays(date, (7 - isoWeekday(date)) % 7);
}

/** What was known at the end of `knownThrough`: statements whose period had ended, credits and charges up to then. */
export function knownOn(c: CooperativeHistory, knownThrough: string) {
  return {
    statements: c.statements.filter((s) => s.periodEnd <= knownThrough),
    credits: c.credits.filter((x) => x.date <= knownThrough),
    charges: c.charges.filter((x) => x.date <= knownThrough),
  };
}

/** The network's payment behaviour on a day: every cooperative's, pooled. */
export function networkLateness(coops: CooperativeHistory[], knownThrough: string): Lateness {
  return poolLateness(
    coops.map((c) => {
      const k = knownOn(c, knownThrough);
      return latenessOf(k.statements, k.credits);
    }),
  );
}

/**
 * What the hub can expect to collect from one cooperative from `from` to
 * `until`, knowing only its history up to `knownThrough`:
 * - each issued statement's outstanding (credits allocated oldest first),
 *   spread by the cooperative's own days late (the network's when it has paid
 *   nothing yet), given it is still unpaid on `from`;
 * - charges made but not yet billed, and the sales of each day after
 *   `knownThrough` at its velocity (the last 28 days' charges per day), on
 *   the statement of their settlement period, due its payment terms later,
 *   spread the same way. A credit beyond every statement pays those first.
 */
export function collectionsOf(
  c: CooperativeHistory,
  knownThrough: string,
  from: string,
  until: string,
  network: Lateness,
  into: Collections,
): void {
  const k = knownOn(c, knownThrough);
  const own = latenessOf(k.statements, k.credits);
  const behaviour = own.size > 0 ? own : network;
  const credit = k.credits.reduce((t, x) => t + x.amount, 0);
  const { outstanding, unusedCredit } = outstandingOf(k.statements, credit);
  k.statements.forEach((s, i) =>
    spreadByLateness(outstanding[i] ?? 0, s.dueDate, from, behaviour, into.statements),
  );
  const terms = termsOn(c.terms, knownThrough);
  const lastBilled = k.statements.at(-1)?.periodEnd ?? '';
  const unbilled = new Map<string, number>();
  const bill = (date: string, amount: number) => {
    let end = periodEndOf(terms.settlementPeriod, date);
    // A late document of a closed period goes on the next statement.
    if (end <= lastBilled) end = periodEndOf(terms.settlementPeriod, addDays(lastBilled, 1));
    unbilled.set(end, (unbilled.get(end) ?? 0) + amount);
  };
  for (const x of k.charges) if (x.date > lastBilled) bill(x.date, x.amount);
  const velocity = velocityOf(c, k.charges, knownThrough);
  const lastSaleDay = c.endDate !== null && c.endDate < until ? c.endDate : until;
  if (velocity.days > 0) {
    const perPeriod = new Map<string, number>();
    for (let d = addDays(knownThrough, 1); d <= lastSaleDay; d = addDays(d, 1)) {
      const end = periodEndOf(terms.settlementPeriod, d);
      perPeriod.set(end, (perPeriod.get(end) ?? 0) + 1);
    }
    for (const [end, days] of perPeriod)
      bill(end, prorateHalfUp(velocity.amount, days, velocity.days));
  }
  let prepaid = unusedCredit;
  for (const [end, amount] of [...unbilled].sort((a, b) => a[0].localeCompare(b[0]))) {
    const used = Math.min(prepaid, Math.max(0, amount));
    prepaid -= used;
    const termsThen = termsOn(c.terms, end);
    spreadByLateness(
      amount - used,
      addDays(end, termsThen.paymentTermsDays),
      from,
      behaviour,
      into.sales,
    );
  }
}

/**
 * The charges of the last {@link VELOCITY_DAYS} days up to `knownThrough`
 * (fewer when the cooperative started selling later): `amount` over `days`.
 */
export function velocityOf(
  c: Pick<CooperativeHistory, 'startDate'>,
  charges: DatedAmount[],
  knownThrough: string,
): { amount: number; days: number } {
  const firstCharge = charges.reduce<string | undefined>(
    (m, x) => (x.amount > 0 && (!m || x.date < m) ? x.date : m),
    undefined,
  );
  if (!firstCharge) return { amount: 0, days: 0 };
  let from = addDays(knownThrough, -(VELOCITY_DAYS - 1));
  if (firstCharge > from) from = firstCharge;
  if (c.startDate > from) from = c.startDate;
  const days = daysBetween(from, knownThrough) + 1;
  if (days <= 0) return { amount: 0, days: 0 };
  const amount = charges.filter((x) => x.date >= from).reduce((t, x) => t + x.amount, 0);
  return { amount: Math.max(0, amount), days };
}

/** Expected collections of the whole network from `from` to `until`, knowing its history up to `knownThrough`. */
export function networkCollections(
  coops: CooperativeHistory[],
  knownThrough: string,
  from: string,
  until: string,
): Collections {
  const network = networkLateness(coops, knownThrough);
  const into: Collections = {
    statements: { byDate: new Map(), notExpected: 0 },
    sales: { byDate: new Map(), notExpected: 0 },
  };
  for (const c of coops) collectionsOf(c, knownThrough, from, until, network, into);
  return into;
}

/** Σ of the amounts dated in [from, until]. */
export function sumBetween(byDate: Map<string, number>, from: string, until: string): number {
  let t = 0;
  for (const [d, a] of byDate) if (d >= from && d <= until) t += a;
  return t;
}
