import type { Db } from '../../db/database.ts';
import { readHubParticipations, termsOn, type HubParticipations } from '../network/index.ts';
import {
  billedByCooperative,
  findBilledStatementsOfCooperatives,
  standingOf,
  sumCreditsOfCooperativesAtEach,
  type Aging,
  type BilledStatementRow,
} from '../settlement/index.ts';
import { addMonths, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { derivedOf } from '../shared/derived.ts';
import { changesKept, keepUnlessForgotten, readKeptEpoch } from '../kept/index.ts';
import {
  findPositionMonthEndDays,
  findPositionMonthEnds,
  keepPositionMonthEnds,
  receivablesAtEach,
} from './risk.repository.ts';
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

/** A statement with something still outstanding on a day. */
export interface OpenStatementAt {
  id: string;
  dueDate: string;
  outstanding: number;
}

/** Where a cooperative stood on its statements on a day (the settlement's `creditPositionOf`). */
export interface PositionAt {
  /** Its statements with something outstanding (more than zero), oldest first. */
  open: OpenStatementAt[];
  overdueAmount: number;
  unusedCredit: number;
  /** Overdue longer than the grace days in force that day: on shipping hold. */
  onHold: boolean;
}

/** A participant at a month end of the window: what the risk reads of it there. */
export interface CooperativeThen {
  cooperativeId: string;
  participationId: string;
  position: Pick<PositionAt, 'open' | 'overdueAmount'>;
}

export interface CooperativeAt extends CooperativeThen {
  exposureLimit: number;
  position: PositionAt;
  receivable: number;
  aging: Aging;
}

/**
 * Where each participant stood at the end of each of `dates`, by the
 * settlement's own rules (`standingOf`: what `creditPositionOf` and `agingOf`
 * apply) on the statements, credits and receivable of that day: what a month end's aging said then. One read of each source (the
 * participations with their terms, the statements up to the latest date, the
 * credits and the receivables summed per date): a year of month ends costs
 * the reads of one. Only what the risk reads is kept of each position (the
 * open statements), so 15 dates of a province stay small.
 */
export async function positionsAtEach(
  db: Db,
  hubId: string,
  dates: readonly string[],
  known: {
    receivables?: Map<string, Map<string, number>>;
    statements?: readonly BilledStatementRow[];
    participations?: HubParticipations;
  } = {},
): Promise<Map<string, CooperativeAt[]>> {
  const out = new Map<string, CooperativeAt[]>();
  if (dates.length === 0) return out;
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  const { rows, terms } = known.participations ?? (await readHubParticipations(db, hubId));
  const ids = rows.map((r) => r.orgId);
  const [statements, credits, receivables] = await Promise.all([
    known.statements ?? findBilledStatementsOfCooperatives(db, ids, { upTo: latest }),
    sumCreditsOfCooperativesAtEach(db, ids, dates),
    known.receivables ?? receivablesAtEach(db, hubId, dates),
  ]);
  // Oldest first per cooperative, as the query orders them.
  const byCoop = derivedOf(statements, `billed ${latest}`, () =>
    billedByCooperative(statements, latest),
  );
  for (const asOf of dates) {
    const creditsOn = credits.get(asOf)!;
    const receivablesOn = receivables.get(asOf)!;
    out.set(
      asOf,
      rows.map((r) => {
        const { exposureLimit, graceDays } = termsOn(terms.get(r.id) ?? [], asOf);
        const all = byCoop.get(r.orgId) ?? [];
        let issued = all.length;
        while (issued > 0 && all[issued - 1]!.periodEnd > asOf) issued--;
        const billed = issued === all.length ? all : all.slice(0, issued);
        const receivable = receivablesOn.get(r.orgId) ?? 0;
        const o = standingOf(billed, creditsOn.get(r.orgId) ?? 0, receivable, asOf, graceDays);
        const open: OpenStatementAt[] = [];
        billed.forEach((s, i) => {
          const outstanding = o.outstanding[i] ?? 0;
          if (outstanding > 0) open.push({ id: s.id, dueDate: s.dueDate, outstanding });
        });
        return {
          cooperativeId: r.orgId,
          participationId: r.id,
          exposureLimit,
          position: {
            open,
            overdueAmount: o.overdueAmount,
            unusedCredit: o.unusedCredit,
            onHold: o.onHold,
          },
          receivable,
          aging: o.aging,
        };
      }),
    );
  }
  return out;
}

/** The `n` month ends up to `asOf` (itself when it is one), oldest first. */
export function monthEndsUpTo(asOf: string, n: number): string[] {
  let month = monthOf(asOf);
  if (lastDayOfMonth(month) > asOf) month = addMonths(month, -1);
  return Array.from({ length: n }, (_, i) => lastDayOfMonth(addMonths(month, i - n + 1)));
}

/** The days the provision matrix on `asOf` reads positions at: the window's month ends and `asOf`. */
export function matrixDates(asOf: string): string[] {
  return [...new Set([...monthEndsUpTo(asOf, RISK_WINDOW_MONTHS + 1), asOf])];
}

export function snapshotOf(asOf: string, coops: CooperativeThen[]): MonthEndSnapshot {
  return {
    asOf,
    statements: coops.flatMap((c) =>
      c.position.open.map((s) => ({
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
  /**
   * The cooperatives on `asOf`, and at each month end of the window (oldest first): there every
   * participation with something open (a month end kept) or every participation (worked out now).
   */
  today: CooperativeAt[];
  history: { asOf: string; coops: CooperativeThen[] }[];
}

/** What is kept of a month end (`position_month_end.positions`): the participations with something open. */
export function keptPositionsOf(coops: readonly CooperativeThen[]): string {
  return JSON.stringify(
    coops
      .filter((c) => c.position.open.length > 0)
      .map((c) => [
        c.participationId,
        c.cooperativeId,
        c.position.overdueAmount,
        c.position.open.map((s) => [s.id, s.dueDate, s.outstanding]),
      ]),
  );
}

/**
 * A kept month end as the risk reads it: its participations with something open, and their
 * statements.
 */
export interface KeptMonthEnd {
  coops: CooperativeThen[];
  snapshot: MonthEndSnapshot;
  /** The roll rates from it to the next kept month end, once worked out. */
  rolled?: { next: KeptMonthEnd; steps: RollStep[] };
}

/**
 * Kept month ends read in this process, by database handle and `hub|month end`, with the count
 * they were read under.
 */
const readKept = new WeakMap<object, Map<string, { epoch: number; kept: KeptMonthEnd }>>();

/**
 * The hub's kept month ends from `from` to `to`. A kept month end does not change while the hub's
 * `kept_epoch` stands (it is only ever forgotten, and the count moved, or kept once): one read
 * under the count `epoch` (read before) is held in this process, and only the others are read.
 */
export async function readKeptMonthEnds(
  db: Db,
  hubId: string,
  from: string,
  to: string,
  epoch: number,
): Promise<Map<string, KeptMonthEnd>> {
  const days = await findPositionMonthEndDays(db, hubId, from, to);
  let held = readKept.get(db);
  if (!held) {
    held = new Map();
    if (!db.isTransaction) readKept.set(db, held);
  }
  // Month ends that left the window are not read again: let them go.
  for (const key of held.keys()) {
    const [hub, day] = key.split('|') as [string, string];
    if (hub === hubId && (day < from || day > to)) held.delete(key);
  }
  const out = new Map<string, KeptMonthEnd>();
  const missing: string[] = [];
  for (const d of days) {
    const h = held.get(`${hubId}|${d}`);
    if (h?.epoch === epoch) out.set(d, h.kept);
    else missing.push(d);
  }
  for (const [d, json] of await findPositionMonthEnds(db, hubId, missing)) {
    const coops = positionsFromKept(json);
    const kept = { coops, snapshot: snapshotOf(d, coops) };
    held.set(`${hubId}|${d}`, { epoch, kept });
    out.set(d, kept);
  }
  return out;
}

/** The participations a kept month end holds ({@link keptPositionsOf}). */
export function positionsFromKept(kept: string): CooperativeThen[] {
  const rows = JSON.parse(kept) as [string, string, number, [string, string, number][]][];
  return rows.map(([participationId, cooperativeId, overdueAmount, open]) => ({
    cooperativeId,
    participationId,
    position: {
      overdueAmount,
      open: open.map(([id, dueDate, outstanding]) => ({ id, dueDate, outstanding })),
    },
  }));
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
  known: Parameters<typeof positionsAtEach>[3] & {
    /**
     * Keep the month ends worked out now that are over by more than `KEPT_AFTER_DAYS` on `today`,
     * unless the hub's kept views were forgotten since `epoch` was read (before any read the
     * positions come from).
     */
    keep?: { today: string; madeAt: string; epoch: number };
    /** The window's kept month ends, when the caller read them already (`readKeptMonthEnds`). */
    kept?: Map<string, KeptMonthEnd>;
  } = {},
): Promise<ProvisionMatrix> {
  const ends = monthEndsUpTo(asOf, RISK_WINDOW_MONTHS + 1);
  // A past month end is worked out once and kept (`position_month_end`): only the others are now.
  const kept =
    known.kept ??
    (await readKeptMonthEnds(
      db,
      hubId,
      ends[0]!,
      ends.at(-1)!,
      known.keep?.epoch ?? (await readKeptEpoch(db, hubId)),
    ));
  const live = [...new Set([...ends.filter((e) => !kept.has(e)), asOf])];
  const positions = await positionsAtEach(db, hubId, live, known);
  const history: ProvisionMatrix['history'] = ends.map((end) => {
    const k = kept.get(end);
    return { asOf: end, coops: k === undefined ? positions.get(end)! : k.coops };
  });
  const keep = known.keep;
  if (keep) {
    const made = new Map(
      ends
        .filter((e) => !kept.has(e) && changesKept(e, keep.today))
        .map((e) => [e, keptPositionsOf(positions.get(e)!)]),
    );
    if (made.size > 0)
      await keepUnlessForgotten(db, hubId, keep.epoch, (trx) =>
        keepPositionMonthEnds(trx, hubId, made, keep.madeAt),
      );
  }
  const today = positions.get(asOf)!;
  const snapshots = history.map((h) => kept.get(h.asOf)?.snapshot ?? snapshotOf(h.asOf, h.coops));
  const rollRates = snapshots.slice(1).map((next, i) => ({
    month: monthOf(next.asOf),
    steps:
      stepsBetween(kept.get(history[i]!.asOf), kept.get(next.asOf)) ??
      rollStepsBetween(snapshots[i]!, next),
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

/**
 * The roll rates between two kept month ends, worked out once for the pair; undefined unless both
 * are kept.
 */
function stepsBetween(
  prev: KeptMonthEnd | undefined,
  next: KeptMonthEnd | undefined,
): RollStep[] | undefined {
  if (!prev || !next) return undefined;
  if (prev.rolled?.next !== next)
    prev.rolled = { next, steps: rollStepsBetween(prev.snapshot, next.snapshot) };
  return prev.rolled.steps;
}
