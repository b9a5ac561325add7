import type { Db } from '../../db/database.ts';
import { computeNetworkExposures, type Exposure } from '../consignment/index.ts';
import { HUB } from '../ledger/index.ts';
import {
  findNamesOfHubCooperatives,
  readHubParticipations,
  type HubParticipations,
} from '../network/index.ts';
import {
  findBilledStatementsOfCooperatives,
  type BilledStatementRow,
} from '../settlement/index.ts';
import { readKeptEpoch } from '../kept/index.ts';
import { derivedOf } from '../shared/derived.ts';
import { addDays, daysBetween } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { findLatestProvision } from './provision.repository.ts';
import {
  computeProvisionMatrix,
  matrixDates,
  readKeptMonthEnds,
  type CooperativeThen,
  type ProvisionMatrix,
} from './risk-history.ts';
import {
  collectionEffectiveness,
  daysSalesOutstanding,
  ratioBps,
  type MatrixRow,
  type RollStep,
} from './risk-math.ts';
import { readReceivables, sumHeldTotalUpTo } from './risk.repository.ts';
import { riskScore, scoreCooperative, type RiskInputs, type RiskReason } from './risk-score.ts';

/** The window of DSO and CEI: the last 90 days up to today. */
export const DSO_WINDOW_DAYS = 90;

export interface RiskOverview {
  asOf: string;
  /** Receivables ÷ consignment sales of the last 90 days × 90; null without sales. */
  dso: number | null;
  /** Collection effectiveness index over the last 90 days (%); null when nothing was collectible. */
  cei: number | null;
  windows: {
    dso: { from: string; to: string; days: number; receivable: number; sales: number };
    cei: {
      from: string;
      to: string;
      opening: number;
      charges: number;
      closing: number;
      closingCurrent: number;
    };
    rollRates: ProvisionMatrix['window'];
  };
  rollRates: { month: string; steps: RollStep[] }[];
  provision: {
    total: number;
    byBucket: Record<MatrixRow['bucket'], number>;
    matrix: { pooled: RollStep[]; rows: MatrixRow[] };
    /** The allowance last posted in the books (CKPN), if any. */
    posted?: { periodEnd: string; total: number };
  };
  cooperatives: {
    id: string;
    name: string;
    score: number;
    reasons: RiskReason[];
    overdueAmount: number;
    balanceDue: number;
  }[];
}

/** Names in the order `localeCompare` puts them, one collator for every comparison of a sort. */
const byName = new Intl.Collator();

/**
 * Each month end's participations by cooperative (its first), worked out once per list (a kept
 * month end's is held).
 */
const byCooperative = new WeakMap<readonly CooperativeThen[], Map<string, CooperativeThen>>();

/** Keyed by cooperative: one look-up per cooperative and snapshot, not a scan of the network. */
function firstOf(coops: readonly CooperativeThen[]): Map<string, CooperativeThen> {
  let byId = byCooperative.get(coops);
  if (!byId) {
    byId = new Map();
    for (const c of coops) if (!byId.has(c.cooperativeId)) byId.set(c.cooperativeId, c);
    byCooperative.set(coops, byId);
  }
  return byId;
}

/**
 * Shrinkage over sales (bps; null without sales) of the statements of period ends after `from`:
 * the network's and each cooperative's.
 */
function shrinkageAfter(statements: readonly BilledStatementRow[], from: string) {
  const sums = new Map<string, { sales: number; shrinkage: number }>();
  let sales = 0;
  let shrinkage = 0;
  for (const s of statements) {
    if (s.periodEnd <= from) continue;
    sales += s.salesAmount;
    shrinkage += s.shrinkageAmount;
    const own = sums.get(s.orgId);
    if (own) {
      own.sales += s.salesAmount;
      own.shrinkage += s.shrinkageAmount;
    } else sums.set(s.orgId, { sales: s.salesAmount, shrinkage: s.shrinkageAmount });
  }
  const bps = (k: number, v: number) => (v > 0 ? ratioBps(BigInt(k), BigInt(v)) : null);
  return {
    networkShrinkageBps: bps(shrinkage, sales),
    shrinkageOf: new Map([...sums].map(([id, x]) => [id, bps(x.shrinkage, x.sales)])),
  };
}

const total = (m: Map<string, number>) => [...m.values()].reduce((t, v) => t + v, 0);

function lateness(
  coopId: string,
  snapshots: { asOf: string; byId: Map<string, CooperativeThen> }[],
) {
  let maxDaysLate = 0;
  const late = new Set<string>();
  for (const s of snapshots) {
    const c = s.byId.get(coopId);
    for (const st of c?.position.open ?? []) {
      if (st.dueDate >= s.asOf) continue;
      late.add(st.id);
      maxDaysLate = Math.max(maxDaysLate, daysBetween(st.dueDate, s.asOf));
    }
  }
  return { maxDaysLate, lateStatements: late.size };
}

/**
 * The hub's credit risk today: DSO and CEI over the last 90 days, roll rates
 * month by month over the last 12 month ends, the provision matrix with the
 * figures behind it, and every participant's risk score with its reasons
 * (riskiest first).
 */
export async function getRiskOverview(db: Db, clock: Clock, hubId: string): Promise<RiskOverview> {
  return (await assessRisk(db, clock, hubId)).overview;
}

/**
 * {@link getRiskOverview} with what it was worked out from: each participant's position at the
 * month ends of the window and today (`matrix.history`, `matrix.today`), for a caller that shows
 * them too. `exposures` are today's, when the caller has them already.
 */
export async function assessRisk(
  db: Db,
  clock: Clock,
  hubId: string,
  known: {
    exposures?: Map<string, Exposure>;
    participations?: HubParticipations;
    /** Every participant's statements (any period end), when the caller read them already. */
    statements?: readonly BilledStatementRow[];
    /** List only the riskiest this many (a caller showing only those), not every participant. */
    riskiest?: number;
  } = {},
): Promise<{ overview: RiskOverview; matrix: ProvisionMatrix }> {
  const asOf = todayWib(clock);
  const from = addDays(asOf, -DSO_WINDOW_DAYS);
  const dates = matrixDates(asOf);
  // Counted before any read: month ends worked out now are kept only if no document dated on or
  // before them was written meanwhile (`keepUnlessForgotten`).
  const epoch = await readKeptEpoch(db, hubId);
  // Month ends kept already need no receivable: only the others (and today) are worked out.
  const kept = await readKeptMonthEnds(db, hubId, dates[0]!, dates.at(-1)!, epoch);
  // The receivables on the days worked out now and 90 days ago, and the charges of the last
  // 90, 30 and the 30 before: one read of the hub's Piutang Konsinyasi.
  const ledger = await readReceivables(
    db,
    hubId,
    {
      at: [...dates.filter((d) => !kept.has(d) || d === asOf), from],
      charges: [
        { after: from, upTo: asOf },
        { after: addDays(asOf, -30), upTo: asOf },
        { after: addDays(asOf, -60), upTo: addDays(asOf, -30) },
      ],
    },
    asOf,
  );
  const participations = known.participations ?? (await readHubParticipations(db, hubId));
  const [penjualan, exposures, names, latest] = await Promise.all([
    sumHeldTotalUpTo(db, hubId, HUB.penjualan, [from, asOf], asOf),
    known.exposures ?? computeNetworkExposures(db, hubId, asOf, undefined, { participations }),
    findNamesOfHubCooperatives(db, hubId),
    findLatestProvision(db, hubId),
  ]);
  // Every participant's statements up to today, read once: the positions and the shrinkage.
  const issued = known.statements
    ? known.statements.some((s) => s.periodEnd > asOf)
      ? known.statements.filter((s) => s.periodEnd <= asOf)
      : known.statements
    : await findBilledStatementsOfCooperatives(
        db,
        participations.rows.map((p) => p.orgId),
        { upTo: asOf },
      );
  const m = await computeProvisionMatrix(db, hubId, asOf, {
    receivables: ledger.at,
    statements: issued,
    participations,
    keep: { today: asOf, madeAt: clock.now().toISOString(), epoch },
    kept,
  });
  const opening = ledger.at.get(from)!;
  const [charges, last30, prev30] = ledger.charges as [
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
  ];
  // Consignment sales of the 90 days: the network's 4101 credits less debits after `from`.
  const net = (d: string) => penjualan.get(d)!.credit - penjualan.get(d)!.debit;
  const sales = net(asOf) - net(from);
  const receivable = m.today.reduce((t, c) => t + c.receivable, 0);
  const closingCurrent = m.today.reduce((t, c) => t + c.aging.current, 0);
  const { networkShrinkageBps, shrinkageOf } = derivedOf(issued, `shrinkage ${m.window.from}`, () =>
    shrinkageAfter(issued, m.window.from),
  );
  const snapshots = [...m.history, { asOf, coops: m.today }].map((s) => ({
    asOf: s.asOf,
    byId: firstOf(s.coops),
  }));
  const overdueAt = (i: number, id: string) =>
    snapshots.at(i)?.byId.get(id)?.position.overdueAmount ?? 0;
  const scored = m.today
    .map((c) => {
      const id = c.cooperativeId;
      const exposure = exposures.get(id);
      const inputs: RiskInputs = {
        ...lateness(id, snapshots),
        overdueTrend: [overdueAt(-3, id), overdueAt(-2, id), overdueAt(-1, id)],
        salesLast30: last30.get(id) ?? 0,
        salesPrevious30: prev30.get(id) ?? 0,
        shrinkageBps: shrinkageOf.get(id) ?? null,
        networkShrinkageBps,
        exposure: exposure?.exposure ?? c.receivable,
        exposureLimit: exposure?.exposureLimit ?? c.exposureLimit,
      };
      return { c, name: names.get(id) ?? id, inputs, score: riskScore(inputs) };
    })
    .sort((a, b) => b.score - a.score || byName.compare(a.name, b.name));
  // Reasons put in words only for the cooperatives listed.
  const cooperatives = scored.slice(0, known.riskiest ?? scored.length).map((x) => ({
    id: x.c.cooperativeId,
    name: x.name,
    ...scoreCooperative(x.inputs),
    overdueAmount: x.c.position.overdueAmount,
    balanceDue: x.c.receivable,
  }));
  const overview: RiskOverview = {
    asOf,
    dso: daysSalesOutstanding(receivable, sales, DSO_WINDOW_DAYS),
    cei: collectionEffectiveness(total(opening), total(charges), receivable, closingCurrent),
    windows: {
      dso: { from, to: asOf, days: DSO_WINDOW_DAYS, receivable, sales },
      cei: {
        from,
        to: asOf,
        opening: total(opening),
        charges: total(charges),
        closing: receivable,
        closingCurrent,
      },
      rollRates: m.window,
    },
    rollRates: m.rollRates,
    provision: {
      total: m.total,
      byBucket: Object.fromEntries(m.rows.map((r) => [r.bucket, r.provision])) as Record<
        MatrixRow['bucket'],
        number
      >,
      matrix: { pooled: m.pooled, rows: m.rows },
      ...(latest ? { posted: { periodEnd: latest.periodEnd, total: latest.total } } : {}),
    },
    cooperatives,
  };
  return { overview, matrix: m };
}
