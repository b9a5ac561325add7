import {
  addDays,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  lastDayOfMonth,
  maxDate,
  minDate,
  overlapDays,
} from '../shared/business-date.ts';
import { HUB_SETTING_DEFAULTS } from '../network/index.ts';
import { prorateDown, rupiah } from '../shared/money.ts';

/** The subsidy eligibility limit where the hub set none (its setting `subsidyEligibilityDays`). */
export const OVERDUE_LIMIT_DAYS = HUB_SETTING_DEFAULTS.subsidyEligibilityDays;

export interface Eligibility {
  eligible: boolean;
  reason: string | null;
}

/**
 * A participation's subsidy for a month: its monthly amount pro rata to the
 * days it was active in the month, rounded down to whole rupiah.
 */
export function proRataSubsidy(
  monthly: number,
  month: string,
  startDate: string,
  endDate: string | null,
) {
  const days = daysInMonth(month);
  const activeDays = overlapDays(firstDayOfMonth(month), lastDayOfMonth(month), startDate, endDate);
  return { activeDays, daysInMonth: days, amount: prorateDown(rupiah(monthly), activeDays, days) };
}

/**
 * A participation's subsidy for a month across the versions of its terms:
 * each day it was active counts at the monthly amount of the version in force
 * that day (the first version also before its date), and the sum of amount ×
 * days over the days of the month is rounded down once, to whole rupiah. With
 * one version it is {@link proRataSubsidy}.
 */
export function proRataSubsidyByTerms(
  versions: readonly { effectiveFrom: string; monthlySubsidy: number }[],
  month: string,
  startDate: string,
  endDate: string | null,
) {
  const days = daysInMonth(month);
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);
  const sorted = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  let activeDays = 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    const next = sorted[i + 1];
    const vStart = i === 0 ? startDate : maxDate(startDate, v.effectiveFrom);
    const vLast = next ? addDays(next.effectiveFrom, -1) : null;
    const vEnd = vLast === null ? endDate : endDate === null ? vLast : minDate(endDate, vLast);
    const d = overlapDays(from, to, vStart, vEnd);
    activeDays += d;
    weighted += v.monthlySubsidy * d;
  });
  return { activeDays, daysInMonth: days, amount: prorateDown(rupiah(weighted), 1, days) };
}

/**
 * Eligible when the cooperative reported at least one sale or stock count in
 * the month and no statement was more than `limitDays` (the hub's setting in
 * force at month end; 30 by default) days past due at month end.
 */
export function subsidyEligibility(
  activity: { sales: number; counts: number },
  outstandingStatements: { dueDate: string; outstanding: number }[],
  monthEnd: string,
  limitDays = OVERDUE_LIMIT_DAYS,
): Eligibility {
  const reasons: string[] = [];
  if (activity.sales + activity.counts === 0)
    reasons.push('Tidak ada penjualan atau stok opname yang dilaporkan bulan ini');
  const late = outstandingStatements.filter(
    (s) => s.outstanding > 0 && daysBetween(s.dueDate, monthEnd) > limitDays,
  );
  if (late.length)
    reasons.push(
      `Tagihan lewat jatuh tempo lebih dari ${limitDays} hari per akhir bulan (jatuh tempo ${late[0]!.dueDate})`,
    );
  return { eligible: reasons.length === 0, reason: reasons.length ? reasons.join('; ') : null };
}
