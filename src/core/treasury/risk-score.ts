import { formatRupiah } from '../shared/money.ts';

/** What the score of one cooperative is made of (all from the hub's own records). */
export interface RiskInputs {
  /** The most days any of its statements was past due, at a month end of the window or today. */
  maxDaysLate: number;
  /** Its statements that were past due and unpaid at some month end of the window or today. */
  lateStatements: number;
  /** Overdue at the two month ends before today and today, oldest first. */
  overdueTrend: [number, number, number];
  /** Charges (sales and shrinkage at k) of the last 30 days and of the 30 days before. */
  salesLast30: number;
  salesPrevious30: number;
  /** Shrinkage ÷ sales on its statements of the window, and the network's, in bps (null: no sales). */
  shrinkageBps: number | null;
  networkShrinkageBps: number | null;
  exposure: number;
  exposureLimit: number;
}

export interface RiskReason {
  code: 'late_payments' | 'rising_overdue' | 'falling_sales' | 'shrinkage' | 'exposure';
  points: number;
  text: string;
  textEn: string;
}

/** One formatter for every percentage (`toLocaleString` would build one per call). */
const percent = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const pct = (bps: number) => `${percent.format(bps / 100)}%`;
const pctEn = (bps: number) => `${(bps / 100).toFixed(1)}%`;

/**
 * A cooperative's risk score, 0 (none seen) to 100, with its reasons:
 * late payments up to 35 points (1 point per 3 days of the worst lateness),
 * rising overdue 20 (10 when it only rose since the last month end), sales
 * down by 30 % or more over 30 days 15, shrinkage above twice the network's
 * ratio (and above 1 %) 10, exposure at 80 % of the limit 10 (95 %: 20).
 */
export function scoreCooperative(r: RiskInputs): { score: number; reasons: RiskReason[] } {
  return rulesOf(r, true);
}

/** {@link scoreCooperative}'s score alone: the same rules, without putting any reason in words. */
export function riskScore(r: RiskInputs): number {
  return rulesOf(r, false).score;
}

function rulesOf(r: RiskInputs, words: boolean): { score: number; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [];
  if (r.maxDaysLate > 0) {
    reasons.push({
      code: 'late_payments',
      points: Math.min(35, Math.ceil(r.maxDaysLate / 3)),
      text: words
        ? `Terlambat membayar hingga ${r.maxDaysLate} hari (${r.lateStatements} tagihan terlambat dalam 12 bulan)`
        : '',
      textEn: words
        ? `Paid up to ${r.maxDaysLate} days late (${r.lateStatements} late statements in 12 months)`
        : '',
    });
  }
  const [a, b, c] = r.overdueTrend;
  if (c > b && c > 0) {
    reasons.push({
      code: 'rising_overdue',
      points: b > a ? 20 : 10,
      text: words
        ? `Tunggakan naik: ${formatRupiah(b)} di akhir bulan lalu, ${formatRupiah(c)} hari ini`
        : '',
      textEn: words
        ? `Overdue rising: ${formatRupiah(b)} at the last month end, ${formatRupiah(c)} today`
        : '',
    });
  }
  if (r.salesPrevious30 > 0 && r.salesLast30 * 10 <= r.salesPrevious30 * 7) {
    const drop = Math.round(((r.salesPrevious30 - r.salesLast30) * 100) / r.salesPrevious30);
    reasons.push({
      code: 'falling_sales',
      points: 15,
      text: words ? `Penjualan turun ${drop}% (30 hari terakhir dibanding 30 hari sebelumnya)` : '',
      textEn: words ? `Sales down ${drop}% (last 30 days against the 30 before)` : '',
    });
  }
  if (
    r.shrinkageBps !== null &&
    r.shrinkageBps > 100 &&
    r.shrinkageBps > 2 * (r.networkShrinkageBps ?? 0)
  ) {
    reasons.push({
      code: 'shrinkage',
      points: 10,
      text: words
        ? `Susut ${pct(r.shrinkageBps)} dari penjualan, jaringan ${pct(r.networkShrinkageBps ?? 0)}`
        : '',
      textEn: words
        ? `Shrinkage ${pctEn(r.shrinkageBps)} of sales, network ${pctEn(r.networkShrinkageBps ?? 0)}`
        : '',
    });
  }
  if (r.exposureLimit > 0 && r.exposure * 100 >= r.exposureLimit * 80) {
    const used = Math.floor((r.exposure * 100) / r.exposureLimit);
    reasons.push({
      code: 'exposure',
      points: r.exposure * 100 >= r.exposureLimit * 95 ? 20 : 10,
      text: words
        ? `Eksposur ${used}% dari batas (${formatRupiah(r.exposure)} dari ${formatRupiah(r.exposureLimit)})`
        : '',
      textEn: words
        ? `Exposure at ${used}% of the limit (${formatRupiah(r.exposure)} of ${formatRupiah(r.exposureLimit)})`
        : '',
    });
  }
  return {
    score: Math.min(
      100,
      reasons.reduce((t, x) => t + x.points, 0),
    ),
    reasons,
  };
}
