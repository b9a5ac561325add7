import type { Db } from '../../db/database.ts';
import { computeNetworkExposures } from '../consignment/index.ts';
import { readHubParticipations } from '../network/index.ts';
import { findHubStatementsOf } from '../settlement/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { addMonths, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import {
  assessRisk,
  countUnmatchedBankLines,
  getCashFlowForecast,
  type Backtest,
  type ForecastWeek,
  type RiskOverview,
} from '../treasury/index.ts';

/** Exposure at or above this share of its limit (per ten thousand) counts as near the limit. */
export const NEAR_LIMIT_BPS = 9_000;

/** The riskiest cooperatives the summary names. */
const RISKIEST_SHOWN = 10;

/** Month ends the overdue trend shows: the last five and this month (today). */
const TREND_MONTHS = 6;

/** What the network had overdue at a position: each cooperative once (its first participation). */
function overdueOfNetwork(
  coops: readonly { cooperativeId: string; position: { overdueAmount: number } }[],
) {
  const seen = new Set<string>();
  let total = 0;
  for (const c of coops) {
    if (seen.has(c.cooperativeId)) continue;
    seen.add(c.cooperativeId);
    total += c.position.overdueAmount;
  }
  return total;
}

export interface HubSummary {
  asOf: string;
  /** Kas + Bank in the hub's books. */
  cashToday: number;
  forecast: {
    weeks: Pick<ForecastWeek, 'weekStart' | 'expectedIn' | 'expectedOut' | 'net' | 'closingCash'>[];
    /** The week the closing cash is lowest in. */
    lowest: { weekStart: string; closingCash: number };
    /** Overdue amounts the payment history does not expect in any week. */
    notExpected: number;
    backtest: Pick<Backtest, 'weeks' | 'mape' | 'baselineMape' | 'points'>;
  };
  exposure: {
    total: number;
    limit: number;
    cooperatives: number;
    /** Cooperatives at 90 % of their limit or more. */
    nearLimit: number;
  };
  overdue: {
    amount: number;
    balanceDue: number;
    cooperatives: number;
    onHold: number;
    /** Overdue at each of the last six month ends (the current month: today). */
    trend: { month: string; asOf: string; amount: number }[];
  };
  /** Bank statement lines no cooperative's payment or other purpose was found for yet. */
  unmatchedBankLines: number;
  /** The PSAK 71 provision matrix's total today, and the allowance last posted in the books. */
  provision: { total: number; posted?: { periodEnd: string; total: number } };
  /** The ten riskiest cooperatives with a risk seen (score above 0, highest first), with their reasons in words. */
  riskiest: RiskOverview['cooperatives'];
}

/**
 * The hub's day on one screen: cash today and the 13-week forecast (with its
 * backtest), what the network owes against its limits, what is overdue and
 * how that moved over the month ends, and the bank lines waiting for a hand
 * match. Each figure is the total of a list the hub already has.
 */
export async function getHubSummary(db: Db, clock: Clock, hubId: string): Promise<HubSummary> {
  // The participations and their terms, read once for the forecast, the exposures and the risk.
  const participations = await readHubParticipations(db, hubId);
  // Every participant's statements, read once for the forecast (the hub's own) and the risk.
  const statements = await findHubStatementsOf(
    db,
    hubId,
    participations.rows.map((p) => p.orgId),
    todayWib(clock),
  );
  const forecast = await getCashFlowForecast(db, clock, hubId, { participations, statements });
  const today = forecast.asOf;
  const exposures = await computeNetworkExposures(db, hubId, today, undefined, { participations });
  const [unmatchedBankLines, { overview: risk, matrix }] = await Promise.all([
    countUnmatchedBankLines(db, hubId),
    assessRisk(db, clock, hubId, {
      exposures,
      participations,
      statements,
      riskiest: RISKIEST_SHOWN,
    }),
  ]);
  // What is overdue today: the network aging's figures (one item per participation, as its
  // list has them), from the positions the risk worked out today by the same rules.
  const overdueToday = { amount: 0, balanceDue: 0, cooperatives: 0, onHold: 0 };
  for (const c of matrix.today) {
    overdueToday.amount += c.position.overdueAmount;
    overdueToday.balanceDue += c.receivable;
    if (c.position.overdueAmount > 0) overdueToday.cooperatives++;
    if (c.position.onHold) overdueToday.onHold++;
  }
  // The overdue trend from the positions the risk was worked out from: its window holds the
  // last 12 month ends and today, the settlement's own overdue rule on each.
  const positionsOn = new Map([
    ...matrix.history.map((h) => [h.asOf, h.coops] as const),
    [matrix.asOf, matrix.today] as const,
  ]);
  const trend = Array.from({ length: TREND_MONTHS }, (_, i) => {
    // The risk's own day (the same as the forecast's unless midnight passed between the reads).
    const month = addMonths(monthOf(matrix.asOf), i - (TREND_MONTHS - 1));
    const end = lastDayOfMonth(month);
    const asOf = end < matrix.asOf ? end : matrix.asOf;
    return { month, asOf, amount: overdueOfNetwork(positionsOn.get(asOf) ?? []) };
  });
  let total = 0;
  let limit = 0;
  let nearLimit = 0;
  for (const e of exposures.values()) {
    total += e.exposure;
    limit += e.exposureLimit;
    if (e.exposureLimit > 0 && e.exposure * 10_000 >= e.exposureLimit * NEAR_LIMIT_BPS) nearLimit++;
  }
  const lowest = forecast.weeks.reduce(
    (low, w) => (w.closingCash < low.closingCash ? w : low),
    forecast.weeks[0]!,
  );
  return {
    asOf: forecast.asOf,
    cashToday: forecast.cashToday,
    forecast: {
      weeks: forecast.weeks.map(({ weekStart, expectedIn, expectedOut, net, closingCash }) => ({
        weekStart,
        expectedIn,
        expectedOut,
        net,
        closingCash,
      })),
      lowest: { weekStart: lowest.weekStart, closingCash: lowest.closingCash },
      notExpected: forecast.notExpected,
      backtest: {
        weeks: forecast.backtest.weeks,
        mape: forecast.backtest.mape,
        baselineMape: forecast.backtest.baselineMape,
        points: forecast.backtest.points,
      },
    },
    exposure: { total, limit, cooperatives: exposures.size, nearLimit },
    overdue: { ...overdueToday, trend },
    unmatchedBankLines,
    provision: {
      total: risk.provision.total,
      ...(risk.provision.posted ? { posted: risk.provision.posted } : {}),
    },
    riskiest: risk.cooperatives.filter((c) => c.score > 0).slice(0, RISKIEST_SHOWN),
  };
}
