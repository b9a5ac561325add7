import { addDays, isoWeekday } from '../shared/business-date.ts';
import { prorateHalfUp } from '../shared/money.ts';
import type { DatedAmount } from './forecast-lateness.ts';
import { networkCollections, sumBetween, type CooperativeHistory } from './forecast.ts';

/** Weeks of history the baseline averages, and the least history a backtest week needs. */
export const BASELINE_WEEKS = 4;

/** One past week: what the method expected to come in, what the naive baseline said, what came. */
export interface BacktestPoint {
  weekStart: string;
  forecast: number;
  baseline: number;
  actual: number;
}

export interface Backtest {
  /** Weeks scored: past weeks with money actually received. */
  weeks: number;
  /** Mean absolute percentage error of the forecast over those weeks (percent); null with none. */
  mape: number | null;
  /** The same for the naive baseline (the previous 4 weeks' average inflow). */
  baselineMape: number | null;
  /** How far ahead each past forecast looked: its first week. */
  horizonWeeks: number;
  /** The last day whose receipts are counted: yesterday, or the last day of the imported bank statements when earlier. */
  receivedThrough: string;
  /** Every past week run, scored or not, oldest first. */
  points: BacktestPoint[];
}

/** The Monday of the week `date` is in (weeks start on Monday). */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * Mean absolute percentage error, in percent, over the pairs whose actual is
 * not zero (a week nothing came in has no percentage error); null when none.
 */
export function mape(pairs: { predicted: number; actual: number }[]): number | null {
  const scored = pairs.filter((p) => p.actual !== 0);
  if (scored.length === 0) return null;
  const sum = scored.reduce((t, p) => t + Math.abs(p.predicted - p.actual) / Math.abs(p.actual), 0);
  return (sum / scored.length) * 100;
}

/**
 * The Mondays the backtest runs as of: every Monday with {@link BASELINE_WEEKS} weeks of history
 * before it (from `firstDay`, the first day the history holds anything) whose week ended by
 * `lastDay`, oldest first.
 */
export function backtestWeeks(firstDay: string | undefined, lastDay: string): string[] {
  const weeks: string[] = [];
  if (!firstDay) return weeks;
  let w = addDays(mondayOf(firstDay), 7 * BASELINE_WEEKS);
  if (mondayOf(firstDay) !== firstDay) w = addDays(w, 7);
  for (; addDays(w, 6) <= lastDay; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** The forecast's collections for the week from Monday `w`, run as of `w` knowing only what was dated before it. */
export function forecastOfWeek(coops: CooperativeHistory[], w: string): number {
  const end = addDays(w, 6);
  const expected = networkCollections(coops, addDays(w, -1), w, end);
  return sumBetween(expected.statements.byDate, w, end) + sumBetween(expected.sales.byDate, w, end);
}

/**
 * The forecast's collections run as of each past Monday `W` (knowing only
 * what was dated before it), its first week compared with the payments
 * received in `W … W+6`; beside it the naive baseline, the average weekly
 * inflow of the 4 weeks before `W`. Weeks run: {@link backtestWeeks}.
 */
export function backtestCollections(
  coops: CooperativeHistory[],
  received: DatedAmount[],
  firstDay: string | undefined,
  lastDay: string,
): Backtest {
  const weeks = backtestWeeks(firstDay, lastDay);
  return scoreBacktest(new Map(weeks.map((w) => [w, forecastOfWeek(coops, w)])), received, lastDay);
}

/**
 * The backtest of the forecasts made for past weeks (`forecasts`: Monday → the collections the
 * forecast expected that week, oldest first), against the payments received and the naive
 * baseline; the weeks' receipts are counted up to `lastDay`.
 */
export function scoreBacktest(
  forecasts: ReadonlyMap<string, number>,
  received: DatedAmount[],
  lastDay: string,
): Backtest {
  const inflow = new Map<string, number>();
  for (const r of received) inflow.set(r.date, (inflow.get(r.date) ?? 0) + r.amount);
  const points: BacktestPoint[] = [...forecasts].map(([w, forecast]) => ({
    weekStart: w,
    forecast,
    baseline: prorateHalfUp(
      sumBetween(inflow, addDays(w, -7 * BASELINE_WEEKS), addDays(w, -1)),
      1,
      BASELINE_WEEKS,
    ),
    actual: sumBetween(inflow, w, addDays(w, 6)),
  }));
  return {
    weeks: points.filter((p) => p.actual !== 0).length,
    mape: mape(points.map((p) => ({ predicted: p.forecast, actual: p.actual }))),
    baselineMape: mape(points.map((p) => ({ predicted: p.baseline, actual: p.actual }))),
    horizonWeeks: 1,
    receivedThrough: lastDay,
    points,
  };
}
