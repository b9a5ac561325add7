import type { Db } from '../../db/database.ts';
import { findParticipationsOfHubOn } from '../network/index.ts';
import {
  agingOf,
  creditPositionOf,
  findStatementsOfCooperatives,
  sumCreditsOfCooperatives,
  type Aging,
  type CreditPosition,
} from '../settlement/index.ts';
import { addMonths, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { receivablesAt } from './risk.repository.ts';
import {
  BUCKETS,
  poolRollSteps,
  provisionMatrix,
  rollStepsBetween,
  type MatrixRow,
  type MonthEndSnapshot,
  type RollStep,
} from './risk-math.ts';

/** How far back roll rates and loss rates look: the last 12 month ends. */
export const RISK_WINDOW_MONTHS = 12;

export interface CooperativeAt {
  cooperativeId: string;
  exposureLimit: number;
  position: CreditPosition;
  receivable: number;
  aging: Aging;
}

/**
 * Where each participant stood at the end of `asOf`, by the settlement's
 * own rules (`creditPositionOf`, `agingOf`) on the statements, credits and
 * receivable of that day: what a month end's aging said then.
 */
export async function positionsAt(db: Db, hubId: string, asOf: string): Promise<CooperativeAt[]> {
  const participations = await findParticipationsOfHubOn(db, hubId, asOf);
  const ids = participations.map((p) => p.orgId);
  const [statements, credits, receivables] = await Promise.all([
    findStatementsOfCooperatives(db, ids, { upTo: asOf }),
    sumCreditsOfCooperatives(db, ids, asOf),
    receivablesAt(db, hubId, asOf),
  ]);
  const byCoop = new Map<string, typeof statements>();
  for (const s of statements) {
    const list = byCoop.get(s.orgId);
    if (list) list.push(s);
    else byCoop.set(s.orgId, [s]);
  }
  return participations.map((p) => {
    const position = creditPositionOf(
      byCoop.get(p.orgId) ?? [],
      credits.get(p.orgId) ?? 0,
      asOf,
      p.graceDays,
    );
    const receivable = receivables.get(p.orgId) ?? 0;
    return {
      cooperativeId: p.orgId,
      exposureLimit: p.exposureLimit,
      position,
      receivable,
      aging: agingOf(position, receivable, asOf),
    };
  });
}

/** The `n` month ends up to `asOf` (itself when it is one), oldest first. */
export function monthEndsUpTo(asOf: string, n: number): string[] {
  let month = monthOf(asOf);
  if (lastDayOfMonth(month) > asOf) month = addMonths(month, -1);
  return Array.from({ length: n }, (_, i) => lastDayOfMonth(addMonths(month, i - n + 1)));
}

export function snapshotOf(asOf: string, coops: CooperativeAt[]): MonthEndSnapshot {
  return {
    asOf,
    statements: coops.flatMap((c) =>
      c.position.statements.map((s) => ({
        cooperativeId: c.cooperativeId,
        statementId: s.id,
        dueDate: s.dueDate,
        outstanding: s.outstanding,
      })),
    ),
  };
}

export const sumAging = (coops: { aging: Aging }[]): Aging => {
  const total: Aging = { current: 0, d1to30: 0, d31to60: 0, d61to90: 0, d90plus: 0 };
  for (const c of coops) for (const b of BUCKETS) total[b] += c.aging[b];
  return total;
};

export interface ProvisionMatrix {
  asOf: string;
  window: { from: string; to: string; monthEnds: number };
  /** Month by month: each month end against the one before. */
  rollRates: { month: string; steps: RollStep[] }[];
  pooled: RollStep[];
  rows: MatrixRow[];
  total: number;
  /** The cooperatives on `asOf` and at each month end of the window (oldest first). */
  today: CooperativeAt[];
  history: { asOf: string; coops: CooperativeAt[] }[];
}

/**
 * The provision matrix on `asOf`: roll rates between the month ends of the
 * last {@link RISK_WINDOW_MONTHS} months (pooled), loss rates chained to
 * default with their floors, applied to the aging of `asOf`.
 */
export async function computeProvisionMatrix(
  db: Db,
  hubId: string,
  asOf: string,
): Promise<ProvisionMatrix> {
  const ends = monthEndsUpTo(asOf, RISK_WINDOW_MONTHS + 1);
  const history: ProvisionMatrix['history'] = [];
  for (const end of ends) history.push({ asOf: end, coops: await positionsAt(db, hubId, end) });
  const today = ends.at(-1) === asOf ? history.at(-1)!.coops : await positionsAt(db, hubId, asOf);
  const snapshots = history.map((h) => snapshotOf(h.asOf, h.coops));
  const rollRates = snapshots.slice(1).map((next, i) => ({
    month: monthOf(next.asOf),
    steps: rollStepsBetween(snapshots[i]!, next),
  }));
  const pooled = poolRollSteps(rollRates.map((r) => r.steps));
  const { rows, total } = provisionMatrix(pooled, sumAging(today));
  return {
    asOf,
    window: { from: ends[0]!, to: ends.at(-1)!, monthEnds: ends.length },
    rollRates,
    pooled,
    rows,
    total,
    today,
    history: history.slice(1),
  };
}
