import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  lastDayOfMonth,
  maxDate,
  monthOf,
  overlapDays,
} from '../shared/business-date.ts';
import { prorateDown, type Rupiah } from '../shared/money.ts';

/** Days after the 1st the subsidy is paid out when the hub has never paid one yet. */
export const DEFAULT_PAYOUT_LAG_DAYS = 7;

export interface PayoutParticipation {
  startDate: string;
  endDate: string | null;
  subsidyMode: 'payout' | 'net';
  monthlySubsidy: number;
}

export interface GrantRow {
  month: string;
  amount: number;
  status: string;
  mode: 'payout' | 'net';
  settledOn: string | null;
  /** How many grants the row stands for (their amounts summed); 1 when absent. */
  grants?: number;
}

/**
 * Days after the 1st of the next month the hub has paid a month's subsidy: the median of its
 * history, each paid grant counted once (a row standing for several counts as many).
 */
export function payoutLagOf(grants: GrantRow[]): number {
  const lags = grants
    .filter((g) => g.status === 'paid' && g.settledOn)
    .map((g) => ({
      lag: daysBetween(firstDayOfMonth(addMonths(g.month, 1)), g.settledOn!),
      count: g.grants ?? 1,
    }))
    .sort((a, b) => a.lag - b.lag);
  const count = lags.reduce((t, l) => t + l.count, 0);
  if (count === 0) return DEFAULT_PAYOUT_LAG_DAYS;
  // The lower median: the grant at (count − 1) / 2 in lag order.
  let left = Math.floor((count - 1) / 2);
  for (const l of lags) {
    if (left < l.count) return Math.max(0, l.lag);
    left -= l.count;
  }
  return DEFAULT_PAYOUT_LAG_DAYS;
}

/**
 * Subsidy the hub will pay out from `from` to `until`, by day: a month's
 * grants are paid the hub's usual number of days after the next 1st.
 * Granted and not yet paid: their amounts (overdue ones on `from`); months
 * not yet run: every payout-mode participation's monthly amount pro rata to
 * its days in the month (as the run grants it), as if eligible.
 */
export function subsidyPayoutsOf(
  participations: PayoutParticipation[],
  grants: GrantRow[],
  from: string,
  until: string,
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (date: string, amount: number) => {
    if (amount > 0 && date <= until) out.set(date, (out.get(date) ?? 0) + amount);
  };
  const lag = payoutLagOf(grants);
  const payDay = (month: string) => addDays(firstDayOfMonth(addMonths(month, 1)), lag);
  const granted = new Set(grants.map((g) => g.month));
  for (const g of grants)
    if (g.status === 'accrued' && g.mode === 'payout')
      add(maxDate(from, payDay(g.month)), g.amount);
  for (let m = addMonths(monthOf(from), -1); m <= monthOf(until); m = addMonths(m, 1)) {
    if (granted.has(m) || payDay(m) < from) continue;
    const first = firstDayOfMonth(m);
    const last = lastDayOfMonth(m);
    for (const p of participations) {
      if (p.subsidyMode !== 'payout') continue;
      const days = overlapDays(first, last, p.startDate, p.endDate ?? last);
      if (days > 0) add(payDay(m), prorateDown(p.monthlySubsidy as Rupiah, days, daysInMonth(m)));
    }
  }
  return out;
}
