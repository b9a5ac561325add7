import { agingBucket, type Aging } from '../settlement/index.ts';
import { prorateHalfUp } from '../shared/money.ts';

export type AgingBucket = keyof Aging;

/** The aging buckets in the order an unpaid amount moves through them. */
export const BUCKETS: readonly AgingBucket[] = [
  'current',
  'd1to30',
  'd31to60',
  'd61to90',
  'd90plus',
];

/** A rate in basis points: 10 000 = 100 %. */
export const FULL = 10_000;

/**
 * The least loss rate of each bucket (bps), so that a clean history does not
 * give 0 %: 0.5 % current, 2 % 1–30, 10 % 31–60, 25 % 61–90; >90 days is
 * default (100 %, no recoveries assumed).
 */
export const LOSS_RATE_FLOORS: Aging = {
  current: 50,
  d1to30: 200,
  d31to60: 1_000,
  d61to90: 2_500,
  d90plus: FULL,
};

/** One statement's outstanding amount at a month end. */
export interface OutstandingAt {
  cooperativeId: string;
  statementId: string;
  dueDate: string;
  outstanding: number;
}
export interface MonthEndSnapshot {
  asOf: string;
  statements: OutstandingAt[];
}

export interface RollStep {
  from: AgingBucket;
  to: AgingBucket;
  /** Outstanding in `from` at the earlier month end. */
  base: number;
  /** Of that, still outstanding a month later (in `to` or beyond). */
  rolled: number;
  /** rolled ÷ base in bps; null when nothing was in `from`. */
  rateBps: number | null;
}

/** `num ÷ den` in basis points, rounded half up (den > 0). */
export function ratioBps(num: bigint, den: bigint): number {
  return Number((num * BigInt(FULL) * 2n + den) / (2n * den));
}

/**
 * Roll rates from one month end to the next, statement by statement: of
 * what was outstanding in each bucket, how much was still unpaid a month
 * later and had moved on to a later bucket.
 */
export function rollStepsBetween(prev: MonthEndSnapshot, next: MonthEndSnapshot): RollStep[] {
  const later = new Map(next.statements.map((s) => [s.statementId, s]));
  return BUCKETS.slice(0, -1).map((from, i) => {
    let base = 0;
    let rolled = 0;
    for (const s of prev.statements) {
      if (s.outstanding <= 0 || agingBucket(s.dueDate, prev.asOf) !== from) continue;
      base += s.outstanding;
      const n = later.get(s.statementId);
      if (n && n.outstanding > 0 && BUCKETS.indexOf(agingBucket(n.dueDate, next.asOf)) > i)
        rolled += Math.min(n.outstanding, s.outstanding);
    }
    return stepOf(i, base, rolled);
  });
}

/** The step out of bucket `i` with what it held and what rolled on. */
const stepOf = (i: number, base: number, rolled: number): RollStep => ({
  from: BUCKETS[i]!,
  to: BUCKETS[i + 1]!,
  base,
  rolled,
  rateBps: base > 0 ? ratioBps(BigInt(rolled), BigInt(base)) : null,
});

/** The steps of several month pairs pooled: Σ rolled ÷ Σ base per bucket. */
export function poolRollSteps(months: RollStep[][]): RollStep[] {
  return BUCKETS.slice(0, -1).map((_, i) =>
    stepOf(
      i,
      months.reduce((t, m) => t + (m[i]?.base ?? 0), 0),
      months.reduce((t, m) => t + (m[i]?.rolled ?? 0), 0),
    ),
  );
}

export interface MatrixRow {
  bucket: AgingBucket;
  balance: number;
  /** Pooled roll rate to the next bucket (bps); null for >90 or without history. */
  rollRateBps: number | null;
  /** Product of the roll rates from this bucket to >90 days (bps); 100 % for >90. */
  chainBps: number;
  floorBps: number;
  /** max(chain, floor): the loss rate applied. */
  rateBps: number;
  provision: number;
}

/**
 * The PSAK 71 simplified-approach provision matrix: each bucket's loss rate
 * is the chance its amount rolls all the way to default (>90 days), the
 * product of the pooled roll rates (a step with no history counts 0 %), at
 * least the bucket's floor; provision = balance × rate, half up per bucket.
 */
export function provisionMatrix(
  pooled: RollStep[],
  balances: Aging,
  floors: Aging = LOSS_RATE_FLOORS,
): { rows: MatrixRow[]; total: number } {
  const rows = BUCKETS.map((bucket, i) => {
    let num = 1n;
    let den = 1n;
    for (const step of pooled.slice(i)) {
      num *= BigInt(step.base > 0 ? step.rolled : 0);
      den *= BigInt(step.base > 0 ? step.base : 1);
    }
    const chainBps = ratioBps(num, den);
    const rateBps = Math.max(chainBps, floors[bucket]);
    const balance = Math.max(0, balances[bucket]);
    return {
      bucket,
      balance,
      rollRateBps: pooled[i]?.rateBps ?? null,
      chainBps,
      floorBps: floors[bucket],
      rateBps,
      provision: prorateHalfUp(balance, rateBps, FULL),
    };
  });
  return { rows, total: rows.reduce((t, r) => t + r.provision, 0) };
}

/** Days sales outstanding: receivables ÷ consignment sales of the window × its days (1 decimal). */
export function daysSalesOutstanding(receivable: number, sales: number, days: number) {
  if (sales <= 0) return null;
  return Math.round(((Math.max(0, receivable) * days) / sales) * 10) / 10;
}

/**
 * Collection effectiveness index (%): (opening receivables + charges −
 * closing receivables) ÷ (opening receivables + charges − closing current
 * receivables) × 100 (1 decimal).
 */
export function collectionEffectiveness(
  opening: number,
  charges: number,
  closing: number,
  closingCurrent: number,
) {
  const collectible = opening + charges - closingCurrent;
  if (collectible <= 0) return null;
  return Math.round(((opening + charges - closing) / collectible) * 1000) / 10;
}
