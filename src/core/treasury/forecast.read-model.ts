import type { Db } from '../../db/database.ts';
import {
  participationsOn,
  readHubParticipations,
  type HubParticipations,
} from '../network/index.ts';
import { keepUnlessForgotten, readKeptEpoch } from '../kept/index.ts';
import type { BilledStatementRow } from '../settlement/index.ts';
import { addDays, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import {
  backtestWeeks,
  forecastOfWeek,
  mondayOf,
  scoreBacktest,
  type Backtest,
} from './backtest.ts';
import type { DatedAmount } from './forecast-lateness.ts';
import {
  networkCollections,
  sumBetween,
  VELOCITY_DAYS,
  type CooperativeHistory,
} from './forecast.ts';
import { subsidyPayoutsOf } from './forecast-outflows.ts';
import { listSupplierInvoices } from './payables-reads.ts';
import {
  findCashBalance,
  dueStatementsOf,
  findDueStatements,
  findForecastWeeks,
  findLatestBankDay,
  findFirstSaleDays,
  findMovementsByDay,
  findReceiptsByDay,
  findSubsidyGrants,
  keepForecastWeeks,
  type SalesRead,
} from './forecast.repository.ts';

export interface ForecastWeek {
  /** Monday (WIB) the week starts on; the first week is the current one, counted from today. */
  weekStart: string;
  expectedIn: number;
  expectedOut: number;
  net: number;
  /** Cash today plus every week's net up to and including this one. */
  closingCash: number;
  /** Of `expectedIn`: from statements already issued. */
  statementCollections: number;
  /** Of `expectedIn`: from sales not yet on a statement (made, or expected from sales velocity). */
  salesSettlements: number;
  /** Of `expectedOut`: supplier invoices falling due (overdue ones in the first week). */
  supplierPayments: number;
  /** Of `expectedOut`: the operational subsidy paid out by transfer. */
  subsidyPayouts: number;
}

export interface CashFlowForecast {
  asOf: string;
  /** Kas + Bank in the hub's books now. */
  cashToday: number;
  weeks: ForecastWeek[];
  /** Overdue statements longer than any cooperative has ever paid late: in no week. */
  notExpected: number;

  backtest: Backtest;
}

/**
 * Every participant's history as the forecast reads it, and the participations themselves.
 * `whole`: every day of sales; otherwise only the days a forecast as of `today` needs (after
 * each cooperative's last statement, and the velocity's last 28 days), with each one's first day
 * of sales.
 */
export async function loadForecastHistory(
  db: Db,
  hubId: string,
  today: string,
  opts: {
    whole: boolean;
    participations?: HubParticipations;
    /** The participants' statements, when the caller read them already. */
    statements?: readonly BilledStatementRow[];
  } = { whole: true },
) {
  const hub = opts.participations ?? (await readHubParticipations(db, hubId));
  const participations = participationsOn(hub, today);
  const versions = hub.terms;
  const ids = participations.map((p) => p.orgId);
  const [statements, firstSales] = await Promise.all([
    opts.statements ? dueStatementsOf(opts.statements, hubId) : findDueStatements(db, hubId),
    opts.whole ? undefined : findFirstSaleDays(db, hubId, ids, today),
  ]);
  let read: SalesRead = { since: '' };
  if (!opts.whole) {
    const velocityFrom = addDays(today, -(VELOCITY_DAYS - 1));
    let since = velocityFrom;
    const allOf: string[] = [];
    // Summed by month and side of the velocity's first day (`SalesRead.summed`), except a
    // cooperative whose days need telling apart: weekly terms, a last statement that does not end
    // a month, or a participation that starts inside the velocity's days.
    const byDayOf: string[] = [];
    for (const p of participations) {
      const id = p.orgId;
      const last = statements.get(id)?.at(-1)?.periodEnd;
      if (last === undefined) allOf.push(id);
      else if (addDays(last, 1) < since) since = addDays(last, 1);
      // The participation's terms in force today, as `collectionsOf` bills by.
      if (
        p.settlementPeriod !== 'monthly' ||
        (last !== undefined && last !== lastDayOfMonth(monthOf(last))) ||
        p.startDate > velocityFrom
      )
        byDayOf.push(id);
    }
    read = { since, allOf, summed: { from: velocityFrom, upTo: today, byDayOf } };
  }
  // Today's forecast holds what is dated up to the kept cutoff; a week's backtest reads it all.
  const { credits, charges } = await findMovementsByDay(
    db,
    hubId,
    ids,
    read,
    opts.whole ? undefined : today,
  );
  const coops: CooperativeHistory[] = participations.map((p) => {
    const firstSaleDay = firstSales?.get(p.orgId);
    return {
      id: p.orgId,
      startDate: p.startDate,
      endDate: p.endDate,
      terms: versions.get(p.id) ?? [{ ...p, effectiveFrom: p.startDate }],
      statements: statements.get(p.orgId) ?? [],
      credits: credits.get(p.orgId) ?? [],
      charges: charges.get(p.orgId) ?? [],
      ...(firstSaleDay ? { firstSaleDay } : {}),
    };
  });
  return { participations, coops };
}

/** The first day the history holds anything: a charge, a credit or a statement's period end. */
export function firstDayOf(coops: CooperativeHistory[]): string | undefined {
  let first: string | undefined;
  for (const c of coops)
    for (const d of [
      c.firstSaleDay,
      c.charges[0]?.date,
      c.credits[0]?.date,
      c.statements[0]?.periodEnd,
    ])
      if (d && (!first || d < first)) first = d;
  return first;
}

/**
 * The hub's cash over the next `weeks` weeks (Monday to Sunday, WIB; the
 * first is the current week from today): expected collections (see
 * `collectionsOf`), supplier payments due, subsidy payouts, and the closing
 * cash from today's Kas + Bank; with the same method's backtest on the
 * history's past weeks beside the naive baseline.
 */
export async function getCashFlowForecast(
  db: Db,
  clock: Clock,
  hubId: string,
  opts: {
    weeks?: number;
    participations?: HubParticipations;
    /** Every participant's statements, when the caller read them already (`findBilledStatementsOfCooperatives`). */
    statements?: readonly BilledStatementRow[];
  } = {},
): Promise<CashFlowForecast> {
  const count = opts.weeks ?? 13;
  if (!Number.isInteger(count) || count < 1 || count > 26)
    throw new DomainError('ValidationFailed', {
      message: 'Jumlah minggu harus 1–26',
      messageEn: 'weeks must be 1–26',
      details: [
        {
          path: '/weeks',
          message: 'harus bilangan bulat 1 sampai 26',
          messageEn: 'must be an integer from 1 to 26',
        },
      ],
    });
  const today = todayWib(clock);
  const first = mondayOf(today);
  const until = addDays(first, 7 * count - 1);
  const known = opts.participations ?? (await readHubParticipations(db, hubId));
  const { participations, coops } = await loadForecastHistory(db, hubId, today, {
    whole: false,
    participations: known,
    ...(opts.statements ? { statements: opts.statements } : {}),
  });
  const [cashToday, invoices, grants, received, bankDay] = await Promise.all([
    findCashBalance(db, hubId),
    listSupplierInvoices(db, clock, hubId, { status: 'open' }),
    findSubsidyGrants(db, hubId),
    findReceiptsByDay(db, hubId, today),
    findLatestBankDay(db, hubId),
  ]);
  // Weeks are scored only on days whose receipts are in: up to yesterday, and no later than the
  // last imported bank statement when the hub imports them (later transfers are not payments yet).
  const yesterday = addDays(today, -1);
  const receivedThrough = bankDay && bankDay < yesterday ? bankDay : yesterday;
  const expected = networkCollections(coops, today, today, until);
  const supplier = new Map<string, number>();
  for (const i of invoices) {
    const day = i.dueDate < today ? today : i.dueDate;
    supplier.set(day, (supplier.get(day) ?? 0) + i.outstanding);
  }
  const subsidy = subsidyPayoutsOf(participations, grants, today, until);
  let closingCash = cashToday;
  const weeks: ForecastWeek[] = [];
  for (let i = 0; i < count; i++) {
    const weekStart = addDays(first, 7 * i);
    const end = addDays(weekStart, 6);
    const statementCollections = sumBetween(expected.statements.byDate, weekStart, end);
    const salesSettlements = sumBetween(expected.sales.byDate, weekStart, end);
    const supplierPayments = sumBetween(supplier, weekStart, end);
    const subsidyPayouts = sumBetween(subsidy, weekStart, end);
    const expectedIn = statementCollections + salesSettlements;
    const expectedOut = supplierPayments + subsidyPayouts;
    closingCash += expectedIn - expectedOut;
    weeks.push({
      weekStart,
      expectedIn,
      expectedOut,
      net: expectedIn - expectedOut,
      closingCash,
      statementCollections,
      salesSettlements,
      supplierPayments,
      subsidyPayouts,
    });
  }
  return {
    asOf: today,
    cashToday,
    weeks,
    notExpected: expected.statements.notExpected + expected.sales.notExpected,
    backtest: await keptBacktest(db, clock, hubId, firstDayOf(coops), received, receivedThrough),
  };
}

/**
 * The backtest on the kept forecasts of past weeks (`forecast_week`): a week not kept yet is
 * worked out from the history (knowing only what was dated before its Monday) and kept, so each
 * past week is run once, not on every request. A document written later but dated before a kept
 * week's Monday forgets that week (`forgetKeptFrom`, called by every writer of what the forecast
 * reads), and the next request works it out again: the kept forecasts are always what the
 * history says now.
 */
async function keptBacktest(
  db: Db,
  clock: Clock,
  hubId: string,
  firstDay: string | undefined,
  received: DatedAmount[],
  receivedThrough: string,
): Promise<Backtest> {
  const weeks = backtestWeeks(firstDay, receivedThrough);
  if (weeks.length === 0) return scoreBacktest(new Map(), received, receivedThrough);
  const kept = await findForecastWeeks(db, hubId, weeks[0]!, weeks.at(-1)!);
  const made = new Map<string, number>();
  const missing = weeks.filter((w) => !kept.has(w));
  if (missing.length > 0) {
    // Counted before the read: a document dated before a week and written while the weeks are
    // worked out forgets them (`forgetKeptFrom`) and moves the count, and then none is kept.
    const epoch = await readKeptEpoch(db, hubId);
    // A week not kept yet needs the whole history (what was known before its Monday).
    // Read again after the count, the participations and their terms too.
    const { coops } = await loadForecastHistory(db, hubId, todayWib(clock), { whole: true });
    for (const w of missing) made.set(w, forecastOfWeek(coops, w));
    await keepUnlessForgotten(db, hubId, epoch, (trx) =>
      keepForecastWeeks(trx, hubId, made, clock.now().toISOString()),
    );
  }
  const forecasts = new Map(weeks.map((w) => [w, kept.get(w) ?? made.get(w)!]));
  return scoreBacktest(forecasts, received, receivedThrough);
}
