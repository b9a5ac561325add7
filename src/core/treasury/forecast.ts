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
  /**
   * Its first day of sales, when `charges` holds only its recent days of sales (enough for a
   * forecast as of today): where its velocity may start.
   */
  firstSaleDay?: string;
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

/** Whether each list is in date order, found once per list (the backtest asks of the same lists week after week). */
const inOrder = new WeakMap<readonly unknown[], boolean>();

function isSorted<T>(list: readonly T[], dateOf: (x: T) => string): boolean {
  let sorted = inOrder.get(list);
  if (sorted === undefined) {
    sorted = list.every((x, i) => i === 0 || dateOf(list[i - 1]!) <= dateOf(x));
    inOrder.set(list, sorted);
  }
  return sorted;
}

/** How many first items of a list in date order are dated up to `day` (binary search). */
function countUpTo<T>(list: readonly T[], dateOf: (x: T) => string, day: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dateOf(list[mid]!) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items dated up to `day`, in their order (cut by binary search when the list is in date order). */
function upTo<T>(list: T[], dateOf: (x: T) => string, day: string): T[] {
  if (!isSorted(list, dateOf)) return list.filter((x) => dateOf(x) <= day);
  const n = countUpTo(list, dateOf, day);
  return n === list.length ? list : list.slice(0, n);
}

const periodEndOfStatement = (s: DueStatement) => s.periodEnd;
const dateOfAmount = (x: DatedAmount) => x.date;

/** Each cooperative's own payment behaviour on a day, in the order given. */
function latenessOfEach(coops: CooperativeHistory[], knownThrough: string): Lateness[] {
  return coops.map((c) =>
    latenessOf(
      upTo(c.statements, periodEndOfStatement, knownThrough),
      upTo(c.credits, dateOfAmount, knownThrough),
    ),
  );
}

/** The network's payment behaviour on a day: every cooperative's, pooled. */
export function networkLateness(coops: CooperativeHistory[], knownThrough: string): Lateness {
  return poolLateness(latenessOfEach(coops, knownThrough));
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
 * `own` is its behaviour on `knownThrough` when already worked out.
 */
export function collectionsOf(
  c: CooperativeHistory,
  knownThrough: string,
  from: string,
  until: string,
  network: Lateness,
  into: Collections,
  own?: Lateness,
): void {
  const statements = upTo(c.statements, periodEndOfStatement, knownThrough);
  const credits = upTo(c.credits, dateOfAmount, knownThrough);
  // The charges are read in place: the first `known` of `charges` (a copy only when out of order).
  const charges = isSorted(c.charges, dateOfAmount)
    ? c.charges
    : c.charges.filter((x) => x.date <= knownThrough);
  const known =
    charges === c.charges ? countUpTo(charges, dateOfAmount, knownThrough) : charges.length;
  const mine = own ?? latenessOf(statements, credits);
  const behaviour = mine.size > 0 ? mine : network;
  const credit = credits.reduce((t, x) => t + x.amount, 0);
  const { outstanding, unusedCredit } = outstandingOf(statements, credit);
  statements.forEach((s, i) =>
    spreadByLateness(outstanding[i] ?? 0, s.dueDate, from, behaviour, into.statements),
  );
  const terms = termsOn(c.terms, knownThrough);
  const lastBilled = statements.at(-1)?.periodEnd ?? '';
  const unbilled = new Map<string, number>();
  const bill = (date: string, amount: number) => {
    let end = periodEndOf(terms.settlementPeriod, date);
    // A late document of a closed period goes on the next statement.
    if (end <= lastBilled) end = periodEndOf(terms.settlementPeriod, addDays(lastBilled, 1));
    unbilled.set(end, (unbilled.get(end) ?? 0) + amount);
  };
  const firstUnbilled = charges === c.charges ? countUpTo(charges, dateOfAmount, lastBilled) : 0;
  for (let i = firstUnbilled; i < known; i++) {
    const x = charges[i]!;
    if (x.date > lastBilled) bill(x.date, x.amount);
  }
  const velocity = velocityIn(c, charges, known, knownThrough);
  const lastSaleDay = c.endDate !== null && c.endDate < until ? c.endDate : until;
  if (velocity.days > 0)
    for (const [end, days] of daysPerPeriod(terms.settlementPeriod, knownThrough, lastSaleDay))
      bill(end, prorateHalfUp(velocity.amount, days, velocity.days));
  let prepaid = unusedCredit;
  for (const [end, amount] of [...unbilled].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
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

/** The days after `knownThrough` up to `lastDay`, counted by the period end they are billed on. */
const periodDays = new Map<string, readonly (readonly [string, number])[]>();

function daysPerPeriod(
  period: 'weekly' | 'monthly',
  knownThrough: string,
  lastDay: string,
): readonly (readonly [string, number])[] {
  // The same few spans for every cooperative of a network: counted once each.
  const key = `${period}|${knownThrough}|${lastDay}`;
  const known = periodDays.get(key);
  if (known) return known;
  const perPeriod = new Map<string, number>();
  for (let d = addDays(knownThrough, 1); d <= lastDay; d = addDays(d, 1)) {
    const end = periodEndOf(period, d);
    perPeriod.set(end, (perPeriod.get(end) ?? 0) + 1);
  }
  const counted = [...perPeriod];
  if (periodDays.size >= 1_000) periodDays.clear();
  periodDays.set(key, counted);
  return counted;
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
  return velocityIn(c, charges, charges.length, knownThrough);
}

/** {@link velocityOf} of the first `count` charges. */
function velocityIn(
  c: Pick<CooperativeHistory, 'startDate' | 'firstSaleDay'>,
  charges: DatedAmount[],
  count: number,
  knownThrough: string,
): { amount: number; days: number } {
  const sorted = isSorted(charges, dateOfAmount);
  let firstCharge =
    c.firstSaleDay !== undefined && c.firstSaleDay <= knownThrough ? c.firstSaleDay : undefined;
  for (let i = 0; i < count; i++) {
    const x = charges[i]!;
    if (x.amount > 0) {
      if (!firstCharge || x.date < firstCharge) firstCharge = x.date;
      if (sorted) break;
    }
  }
  if (!firstCharge) return { amount: 0, days: 0 };
  let from = addDays(knownThrough, -(VELOCITY_DAYS - 1));
  if (firstCharge > from) from = firstCharge;
  if (c.startDate > from) from = c.startDate;
  const days = daysBetween(from, knownThrough) + 1;
  if (days <= 0) return { amount: 0, days: 0 };
  let amount = 0;
  if (sorted)
    for (let i = count - 1; i >= 0 && charges[i]!.date >= from; i--) amount += charges[i]!.amount;
  else for (let i = 0; i < count; i++) if (charges[i]!.date >= from) amount += charges[i]!.amount;
  return { amount: Math.max(0, amount), days };
}

/** Expected collections of the whole network from `from` to `until`, knowing its history up to `knownThrough`. */
export function networkCollections(
  coops: CooperativeHistory[],
  knownThrough: string,
  from: string,
  until: string,
): Collections {
  const own = latenessOfEach(coops, knownThrough);
  const network = poolLateness(own);
  const into: Collections = {
    statements: { byDate: new Map(), notExpected: 0 },
    sales: { byDate: new Map(), notExpected: 0 },
  };
  coops.forEach((c, i) => collectionsOf(c, knownThrough, from, until, network, into, own[i]));
  return into;
}

/** Σ of the amounts dated in [from, until]. */
export function sumBetween(byDate: Map<string, number>, from: string, until: string): number {
  let t = 0;
  for (const [d, a] of byDate) if (d >= from && d <= until) t += a;
  return t;
}
