import type { Db } from '../../db/database.ts';
import { sumSalesByCooperative } from '../consignment/index.ts';
import { findTermsByParticipation, termsOn } from '../network/index.ts';
import { overdueOf } from '../settlement/index.ts';
import {
  addMonths,
  firstDayOfMonth,
  isValidMonth,
  lastDayOfMonth,
  minDate,
  monthOf,
} from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import {
  findBilledStatements,
  findDailyCredits,
  findRegionCooperatives,
  sumSalesByMonth,
  sumSubsidyPaidByCooperative,
  sumSubsidyPaidByMonth,
  type RegionCooperativeRow,
  type RegionScope,
} from './region.repository.ts';

/** A cooperative's figures in the region overview. */
export interface RegionCooperative {
  id: string;
  name: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  participating: boolean;
  /** Retail value of the month's sales (what the cooperative sold to its customers). */
  salesAmount: number;
  /** The same sales at the consignment price (what the cooperative owes the hub for them). */
  consignmentAmount: number;
  subsidyPaidMonth: number;
  subsidyPaidYear: number;
  overdueAmount: number;
  onHold: boolean;
}

export interface RegionFigures {
  cooperatives: number;
  participating: number;
  salesAmount: number;
  consignmentAmount: number;
  subsidyPaidMonth: number;
  subsidyPaidYear: number;
  overdueAmount: number;
  onHold: number;
}

export interface RegionDistrict extends RegionFigures {
  districtCode: string;
  districtName: string;
  items: RegionCooperative[];
}

export interface RegionOverview {
  month: string;
  /** The day overdue amounts and holds are seen on: the month's last day, or today for the current month. */
  asOf: string;
  districts: RegionDistrict[];
  totals: RegionFigures;
}

export interface RegionTrendPoint {
  month: string;
  /** The day the overdue amount is seen on: the month's last day, or today for the current month. */
  asOf: string;
  salesAmount: number;
  subsidyPaid: number;
  overdueAmount: number;
  /** Cooperatives that reported at least one sale in the month. */
  activeCooperatives: number;
}

interface Credit {
  date: string;
  amount: number;
}
interface Billed {
  id: string;
  periodEnd: string;
  dueDate: string;
  billed: number;
}

/**
 * What a cooperative is overdue on `asOf` and whether it is on shipping hold,
 * by the same rule as `getCreditPosition`: statements up to that day, credits
 * up to that day allocated oldest statement first.
 */
export function overdueAt(
  statements: Billed[],
  credits: Credit[],
  asOf: string,
  graceDays: number,
): { overdueAmount: number; onHold: boolean } {
  const billed = statements.filter((s) => s.periodEnd <= asOf);
  const credit = credits.filter((c) => c.date <= asOf).reduce((t, c) => t + c.amount, 0);
  const o = overdueOf(billed, credit, asOf, graceDays);
  return { overdueAmount: o.overdueAmount, onHold: o.holdIds.size > 0 };
}

function checkMonth(month: string, today: string, path = '/month') {
  if (!isValidMonth(month))
    throw new DomainError('ValidationFailed', {
      message: 'Bulan harus berformat YYYY-MM',
      messageEn: 'The month must be YYYY-MM',
      details: [
        { path, message: 'harus berupa bulan (TTTT-BB)', messageEn: 'must be a month YYYY-MM' },
      ],
    });
  if (month > monthOf(today))
    throw new DomainError('DateInFuture', {
      message: `Bulan ${month} belum terjadi`,
      messageEn: `Month ${month} has not happened yet`,
      details: [
        { path, message: 'tidak boleh di masa depan', messageEn: 'must not be in the future' },
      ],
    });
}

async function creditHistory(db: Db, coops: RegionCooperativeRow[], upTo: string) {
  const ids = coops.map((c) => c.id);
  const [statements, credits, terms] = await Promise.all([
    findBilledStatements(db, ids, upTo),
    findDailyCredits(db, ids, upTo),
    findTermsByParticipation(
      db,
      coops.filter((c) => c.participationId).map((c) => c.id),
    ),
  ]);
  // The grace days in force on the day asked about decide the shipping hold.
  const graceDaysOn = (coop: RegionCooperativeRow, asOf: string) => {
    const versions = coop.participationId ? terms.get(coop.participationId) : undefined;
    return versions?.length ? termsOn(versions, asOf).graceDays : 0;
  };
  const st = new Map<string, Billed[]>();
  for (const s of statements) {
    const list = st.get(s.orgId);
    if (list) list.push(s);
    else st.set(s.orgId, [s]);
  }
  const cr = new Map<string, Credit[]>();
  for (const c of credits) {
    const list = cr.get(c.orgId);
    if (list) list.push(c);
    else cr.set(c.orgId, [c]);
  }
  return (coop: RegionCooperativeRow, asOf: string) =>
    coop.hubId
      ? overdueAt(st.get(coop.id) ?? [], cr.get(coop.id) ?? [], asOf, graceDaysOn(coop, asOf))
      : { overdueAmount: 0, onHold: false };
}

const emptyFigures = (): RegionFigures => ({
  cooperatives: 0,
  participating: 0,
  salesAmount: 0,
  consignmentAmount: 0,
  subsidyPaidMonth: 0,
  subsidyPaidYear: 0,
  overdueAmount: 0,
  onHold: 0,
});

function addTo(f: RegionFigures, c: RegionCooperative) {
  f.cooperatives += 1;
  f.participating += c.participating ? 1 : 0;
  f.salesAmount += c.salesAmount;
  f.consignmentAmount += c.consignmentAmount;
  f.subsidyPaidMonth += c.subsidyPaidMonth;
  f.subsidyPaidYear += c.subsidyPaidYear;
  f.overdueAmount += c.overdueAmount;
  f.onHold += c.onHold ? 1 : 0;
}

/**
 * The cooperatives of a scope (an office's region, a hub's network) by
 * kecamatan for one month: participation, the month's sales, the subsidy
 * handed over in the month and the year to date, and what is overdue and on
 * hold at the month's end (today for the current month). Read only.
 */
export async function getRegionOverview(
  db: Db,
  clock: Clock,
  scope: RegionScope,
  opts: { month?: string } = {},
): Promise<RegionOverview> {
  const today = todayWib(clock);
  const month = opts.month ?? monthOf(today);
  checkMonth(month, today);
  const from = firstDayOfMonth(month);
  const asOf = minDate(lastDayOfMonth(month), today);
  const coops = await findRegionCooperatives(db, scope);
  const ids = coops.map((c) => c.id);
  const [sales, paidMonth, paidYear, overdue] = await Promise.all([
    sumSalesByCooperative(db, ids, from, asOf),
    sumSubsidyPaidByCooperative(db, ids, from, asOf),
    sumSubsidyPaidByCooperative(db, ids, `${month.slice(0, 4)}-01-01`, asOf),
    creditHistory(db, coops, asOf),
  ]);
  const salesOf = new Map(sales.map((s) => [s.orgId, s]));
  const paidInMonth = new Map(paidMonth.map((s) => [s.orgId, s.amount]));
  const paidInYear = new Map(paidYear.map((s) => [s.orgId, s.amount]));
  const districts = new Map<string, RegionDistrict>();
  const totals = emptyFigures();
  for (const c of coops) {
    const position = overdue(c, asOf);
    const item: RegionCooperative = {
      id: c.id,
      name: c.name,
      villageName: c.villageName ?? '',
      districtCode: c.districtCode ?? '',
      districtName: c.districtName ?? '',
      participating: !!c.hubId && (c.startDate ?? '') <= asOf && (!c.endDate || c.endDate >= from),
      salesAmount: salesOf.get(c.id)?.salesAmount ?? 0,
      consignmentAmount: salesOf.get(c.id)?.consignmentAmount ?? 0,
      subsidyPaidMonth: paidInMonth.get(c.id) ?? 0,
      subsidyPaidYear: paidInYear.get(c.id) ?? 0,
      ...position,
    };
    let d = districts.get(item.districtCode);
    if (!d) {
      d = {
        districtCode: item.districtCode,
        districtName: item.districtName,
        ...emptyFigures(),
        items: [],
      };
      districts.set(item.districtCode, d);
    }
    d.items.push(item);
    addTo(d, item);
    addTo(totals, item);
  }
  return {
    month,
    asOf,
    districts: [...districts.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode)),
    totals,
  };
}

/**
 * Month by month over the last `months` months (the current one last): sales,
 * subsidy handed over, overdue at the month's end, and how many cooperatives
 * sold anything.
 */
export async function getRegionTrends(
  db: Db,
  clock: Clock,
  scope: RegionScope,
  opts: { months?: number } = {},
): Promise<{ items: RegionTrendPoint[] }> {
  const count = opts.months ?? 12;
  if (!Number.isInteger(count) || count < 1 || count > 36)
    throw new DomainError('ValidationFailed', {
      message: 'Jumlah bulan harus 1–36',
      messageEn: 'months must be 1–36',
      details: [
        {
          path: '/months',
          message: 'harus bilangan bulat 1 sampai 36',
          messageEn: 'must be an integer from 1 to 36',
        },
      ],
    });
  const today = todayWib(clock);
  const last = monthOf(today);
  const first = addMonths(last, -(count - 1));
  const from = firstDayOfMonth(first);
  const coops = await findRegionCooperatives(db, scope);
  const ids = coops.map((c) => c.id);
  const [sales, paid, overdue] = await Promise.all([
    sumSalesByMonth(db, ids, from, today),
    sumSubsidyPaidByMonth(db, ids, from, today),
    creditHistory(db, coops, today),
  ]);
  const salesOf = new Map(sales.map((s) => [s.month, s]));
  const paidOf = new Map(paid.map((s) => [s.month, s.amount]));
  const items: RegionTrendPoint[] = [];
  for (let i = 0; i < count; i++) {
    const month = addMonths(first, i);
    const asOf = minDate(lastDayOfMonth(month), today);
    let overdueAmount = 0;
    for (const c of coops) overdueAmount += overdue(c, asOf).overdueAmount;
    items.push({
      month,
      asOf,
      salesAmount: salesOf.get(month)?.salesAmount ?? 0,
      subsidyPaid: paidOf.get(month) ?? 0,
      overdueAmount,
      activeCooperatives: salesOf.get(month)?.activeCooperatives ?? 0,
    });
  }
  return { items };
}
