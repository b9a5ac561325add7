import {
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  lastDayOfMonth,
  overlapDays,
} from '../shared/business-date.ts';
import { prorateDown, rupiah } from '../shared/money.ts';

export const OVERDUE_LIMIT_DAYS = 30;

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
 * Eligible when the cooperative reported at least one sale or stock count in
 * the month and no statement was more than 30 days past due at month end.
 */
export function subsidyEligibility(
  activity: { sales: number; counts: number },
  outstandingStatements: { dueDate: string; outstanding: number }[],
  monthEnd: string,
): Eligibility {
  const reasons: string[] = [];
  if (activity.sales + activity.counts === 0)
    reasons.push('Tidak ada penjualan atau stok opname yang dilaporkan bulan ini');
  const late = outstandingStatements.filter(
    (s) => s.outstanding > 0 && daysBetween(s.dueDate, monthEnd) > OVERDUE_LIMIT_DAYS,
  );
  if (late.length)
    reasons.push(
      `Tagihan lewat jatuh tempo lebih dari ${OVERDUE_LIMIT_DAYS} hari per akhir bulan (jatuh tempo ${late[0]!.dueDate})`,
    );
  return { eligible: reasons.length === 0, reason: reasons.length ? reasons.join('; ') : null };
}
