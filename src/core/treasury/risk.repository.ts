import type { Db } from '../../db/database.ts';
import { heldHistory, lastKeptDay } from '../kept/index.ts';
import { HUB, sumAccountTotalUpTo, sumAccountUpTo, type DebitCredit } from '../ledger/index.ts';

/**
 * Each cooperative's receivable at the end of each of `dates` (Σ of its lines dated up to each),
 * in one read of the hub's Piutang Konsinyasi.
 */
export async function receivablesAtEach(
  db: Db,
  hubId: string,
  dates: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  return (await readReceivables(db, hubId, { at: dates, charges: [] })).at;
}

/**
 * One read of the hub's Piutang Konsinyasi (debit − credit per cooperative, `sumAccountUpTo`: its
 * whole months kept, the rest of a month from its lines) for all of: the receivable at the end of
 * each of `at`, and the charges (its debits: sales and shrinkage at the consignment price) in each
 * range of `charges`, after `after` up to `upTo`.
 */
export async function readReceivables(
  db: Db,
  hubId: string,
  want: { at: readonly string[]; charges: readonly { after: string; upTo: string }[] },
  today?: string,
): Promise<{ at: Map<string, Map<string, number>>; charges: Map<string, number>[] }> {
  const days = [...new Set([...want.at, ...want.charges.flatMap((r) => [r.after, r.upTo])])];
  const sums = await sumHeldUpTo(db, hubId, HUB.piutangKonsinyasi, days, today);
  const at = new Map(
    want.at.map((d) => [d, new Map([...sums.get(d)!].map(([cp, t]) => [cp, t.debit - t.credit]))]),
  );
  const charges = want.charges.map((r) => {
    const before = sums.get(r.after)!;
    return new Map(
      [...sums.get(r.upTo)!].map(([cp, t]) => [cp, t.debit - (before.get(cp)?.debit ?? 0)]),
    );
  });
  return { at, charges };
}

/** The month ends from `from` to `to` the hub has positions kept of. */
export async function findPositionMonthEndDays(
  db: Db,
  hubId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('positionMonthEnd')
    .select('monthEnd')
    .where('orgId', '=', hubId)
    .where('monthEnd', '>=', from)
    .where('monthEnd', '<=', to)
    .execute();
  return rows.map((r) => r.monthEnd);
}

/** The kept positions of these month ends of the hub (JSON, as kept), by month end. */
export async function findPositionMonthEnds(
  db: Db,
  hubId: string,
  monthEnds: readonly string[],
): Promise<Map<string, string>> {
  if (monthEnds.length === 0) return new Map();
  const rows = await db
    .selectFrom('positionMonthEnd')
    .select(['monthEnd', 'positions'])
    .where('orgId', '=', hubId)
    .where('monthEnd', 'in', monthEnds)
    .execute();
  return new Map(rows.map((r) => [r.monthEnd, r.positions]));
}

/** Keeps month ends' positions just worked out; one already kept (a request at the same time) stays. */
export async function keepPositionMonthEnds(
  db: Db,
  hubId: string,
  made: ReadonlyMap<string, string>,
  madeAt: string,
): Promise<void> {
  const rows = [...made].map(([monthEnd, positions]) => ({
    orgId: hubId,
    monthEnd,
    positions,
    madeAt,
  }));
  for (const row of rows)
    await db
      .insertInto('positionMonthEnd')
      .values(row)
      .onConflict((oc) => oc.columns(['orgId', 'monthEnd']).doNothing())
      .execute();
}

/**
 * `sumAccountUpTo` of the hub's account, as on `today` when given: the sums up to the days no
 * writer can change without forgetting the hub's kept views (`lastKeptDay`) held in this process
 * for the day (`heldHistory`), the others read.
 */
export async function sumHeldUpTo(
  db: Db,
  hubId: string,
  accountCode: string,
  days: readonly string[],
  today?: string,
): Promise<Map<string, Map<string, DebitCredit>>> {
  return heldByDay(db, hubId, `sums ${accountCode}`, days, today, (d) =>
    sumAccountUpTo(db, hubId, accountCode, d),
  );
}

/** The network's totals of {@link sumHeldUpTo}: each day's Σ over every counterparty. */
export async function sumHeldTotalUpTo(
  db: Db,
  hubId: string,
  accountCode: string,
  days: readonly string[],
  today?: string,
): Promise<Map<string, DebitCredit>> {
  return heldByDay(db, hubId, `totals ${accountCode}`, days, today, (d) =>
    sumAccountTotalUpTo(db, hubId, accountCode, d),
  );
}

/** `read` of each of `days`: those up to `lastKeptDay(today)` held for the day, the others read. */
async function heldByDay<T>(
  db: Db,
  hubId: string,
  part: string,
  days: readonly string[],
  today: string | undefined,
  read: (days: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  if (today === undefined) return read(days);
  const last = lastKeptDay(today);
  const early = [...new Set(days.filter((d) => d <= last))].sort();
  const late = days.filter((d) => d > last);
  const [held, recent] = await Promise.all([
    early.length === 0
      ? new Map<string, T>()
      : heldHistory(db, hubId, part, last, early.join(','), () => read(early)),
    read(late),
  ]);
  return new Map([...held, ...recent]);
}
