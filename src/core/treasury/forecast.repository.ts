import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { selectInChunks } from '../../db/id-lists.ts';
import { heldHistory, keptCutoff, lastKeptDay } from '../kept/index.ts';
import { HUB } from '../ledger/index.ts';
import { derivedOf } from '../shared/derived.ts';
import { billedByCooperative, type BilledStatementRow } from '../settlement/index.ts';
import type { DatedAmount, DueStatement } from './forecast-lateness.ts';
import type { GrantRow } from './forecast-outflows.ts';

/**
 * The forecast's SQL: the hub's cooperatives' statements, credits and
 * charges by day, the hub's cash, and the subsidy it pays out
 * (what it owes suppliers is PAYABLES' `listSupplierInvoices`). Reads the tables of settlement, consignment, corrections,
 * subsidy and the ledger; writes nothing.
 */

/** A query that can be narrowed by a column compared with a value. */
interface WhereRef<Q> {
  where(column: ReturnType<typeof sql.ref>, op: '<=' | '>', value: string): Q;
}

type Row = { orgId: string | null; date: string | null; amount: number | string | null };

/** Rows summed by cooperative and day, into one list per cooperative. */
function byCooperative(rows: Row[][]): Map<string, DatedAmount[]> {
  const out = new Map<string, Map<string, number>>();
  for (const r of rows.flat()) {
    if (!r.orgId || !r.date) continue;
    const days = out.get(r.orgId) ?? new Map<string, number>();
    days.set(r.date, (days.get(r.date) ?? 0) + Number(r.amount ?? 0));
    out.set(r.orgId, days);
  }
  return new Map(
    [...out].map(([id, days]) => [
      id,
      [...days]
        .map(([date, amount]) => ({ date, amount }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    ]),
  );
}

/**
 * {@link findDueStatements} from statements read already (`findBilledStatementsOfCooperatives`,
 * each cooperative's oldest first): those the hub issued. Worked out once per list (shared: not to
 * be changed).
 */
export function dueStatementsOf(
  rows: readonly BilledStatementRow[],
  hubId: string,
): Map<string, DueStatement[]> {
  return derivedOf(rows, `due ${hubId}`, () =>
    billedByCooperative(rows.filter((r) => r.hubId === hubId)),
  );
}

/** Each cooperative's statements of the hub, oldest first: period end, due date and new charges. */
export async function findDueStatements(
  db: Db,
  hubId: string,
): Promise<Map<string, DueStatement[]>> {
  const rows = await db
    .selectFrom('statement')
    .select(['orgId', 'hubId', 'id', 'periodEnd', 'dueDate', 'salesAmount', 'shrinkageAmount'])
    .where('hubId', '=', hubId)
    .orderBy('orgId')
    .orderBy('periodEnd')
    .execute();
  return billedByCooperative(rows);
}

/**
 * Each cooperative's movements by day: credits (payments, netted subsidy) and charges at the
 * consignment price (sales, shrinkage, less refunds); a reversal takes back its document's credit
 * or charge on its own date (its sums are negative), as the statements count it. `today`: a
 * forecast's read as on that day, whose movements other than sales up to the kept cutoff are
 * held in this process (`heldHistory`) and only the later ones read.
 */
export async function findMovementsByDay(
  db: Db,
  hubId: string,
  coopIds: string[],
  read: SalesRead = { since: '' },
  today?: string,
) {
  if (coopIds.length === 0)
    return { credits: new Map<string, DatedAmount[]>(), charges: new Map<string, DatedAmount[]>() };
  if (today === undefined) {
    const [other, sales] = await Promise.all([
      findOtherMovements(db, hubId, coopIds, {}),
      findSaleDays(db, hubId, read),
    ]);
    return {
      credits: byCooperative([other.credits]),
      charges: byCooperative([other.charges, sales]),
    };
  }
  const cutoff = keptCutoff(today);
  const [early, late, sales] = await Promise.all([
    heldHistory(db, hubId, 'movements', cutoff, coopIds.join(','), async () => {
      const rows = await findOtherMovements(db, hubId, coopIds, { upTo: cutoff });
      return { credits: byCooperative([rows.credits]), charges: byCooperative([rows.charges]) };
    }),
    findOtherMovements(db, hubId, coopIds, { after: cutoff }),
    findSaleDays(db, hubId, read, today),
  ]);
  return {
    credits: mergeByCooperative(early.credits, byCooperative([late.credits])),
    charges: mergeByCooperative(early.charges, byCooperative([late.charges, sales])),
  };
}

/** Two lists by cooperative in date order, merged (the same day summed). */
function mergeByCooperative(
  a: Map<string, DatedAmount[]>,
  b: Map<string, DatedAmount[]>,
): Map<string, DatedAmount[]> {
  const out = new Map<string, DatedAmount[]>();
  for (const [id, list] of a) out.set(id, mergeByDate(list, b.get(id) ?? []));
  for (const [id, list] of b) if (!a.has(id)) out.set(id, list);
  return out;
}

function mergeByDate(a: DatedAmount[], b: DatedAmount[]): DatedAmount[] {
  // The held list itself when nothing is added to it (shared: its readers do not change it).
  if (b.length === 0) return a;
  if (a.length === 0 || a.at(-1)!.date < b[0]!.date) return [...a, ...b];
  const out: DatedAmount[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.date < y.date)) {
      out.push(x!);
      i++;
    } else if (x === undefined || y.date < x.date) {
      out.push(y);
      j++;
    } else {
      out.push({ date: x.date, amount: x.amount + y.amount });
      i++;
      j++;
    }
  }
  return out;
}

/**
 * The movements other than sales, summed by cooperative and day: credits (payments, netted
 * subsidy, reversals' credits) and charges (shrinkage, less refunds; reversals' charges), dated
 * up to `upTo` and after `after` when given.
 */
async function findOtherMovements(
  db: Db,
  hubId: string,
  coopIds: string[],
  range: { upTo?: string; after?: string },
): Promise<{ credits: Row[]; charges: Row[] }> {
  const { upTo, after } = range;
  /** The range's days of a date column. */
  const dated =
    (column: string) =>
    <Q extends WhereRef<Q>>(q: Q): Q => {
      let out = q;
      if (upTo) out = out.where(sql.ref(column), '<=', upTo);
      if (after) out = out.where(sql.ref(column), '>', after);
      return out;
    };
  const byDay = <T extends 'payment' | 'stockCount' | 'saleRefund'>(
    table: T,
    date: string,
    amount: string,
  ) =>
    db
      .selectFrom(table as 'payment')
      .select([
        'orgId',
        sql.ref<string>(date).as('date'),
        sql<number>`sum(${sql.raw(amount)})`.as('amount'),
      ])
      .where('hubId', '=', hubId)
      .$call(dated(date))
      .groupBy(['orgId', sql.ref(date)])
      .execute();
  const [paid, netted, counts, refunds, reversed] = await Promise.all([
    byDay('payment', 'received_on', 'amount'),
    db
      .selectFrom('subsidyGrant')
      .select(['orgId', 'settledOn as date', sql<number>`sum(amount)`.as('amount')])
      .where('hubId', '=', hubId)
      .where('status', '=', 'netted')
      .$call(dated('settled_on'))
      .groupBy(['orgId', 'settledOn'])
      .execute(),
    byDay('stockCount', 'count_date', 'shrinkage_amount'),
    byDay('saleRefund', 'refund_date', '-consignment_amount'),
    selectInChunks(coopIds, (ids) =>
      db
        .selectFrom('reversal')
        .select([
          'cooperativeId as orgId',
          'reversalDate as date',
          sql<number>`sum(payments_amount + subsidy_netted_amount)`.as('credit'),
          sql<number>`sum(sales_amount + shrinkage_amount)`.as('charge'),
        ])
        .where('cooperativeId', 'in', ids)
        .$call(dated('reversal_date'))
        .groupBy(['cooperativeId', 'reversalDate'])
        .execute(),
    ),
  ]);
  return {
    credits: [...paid, ...netted, ...reversed.map((r) => ({ ...r, amount: r.credit }))],
    charges: [...counts, ...refunds, ...reversed.map((r) => ({ ...r, amount: r.charge }))],
  };
}

/**
 * Which days of sales to read: those from `since` on (all when ''), and every day of the
 * cooperatives in `allOf` (a cooperative with no statement yet bills all it ever sold).
 */
export interface SalesRead {
  since: string;
  allOf?: string[];
  /**
   * Sum the days from `since` up to `upTo` (today: a later day is not known to a forecast as of
   * today) into one amount per cooperative, month and side of `from` (before it, or on and after
   * it), dated at the part's first day of sales, except for the cooperatives in `byDayOf` (read
   * day by day). For a monthly cooperative billed up to a month end, whose sales velocity starts
   * on `from`, a part is what its days are to the forecast: billed on one period end, and wholly
   * inside the velocity's days or wholly outside them.
   */
  summed?: { from: string; upTo: string; byDayOf: string[] };
}

/** Each day's sales at the consignment price as kept with them (`sale_day`), not summed again from every sale. */
async function findSaleDays(db: Db, hubId: string, read: SalesRead, today?: string) {
  const days = db
    .selectFrom('saleDay')
    .select(['orgId', 'saleDate as date', 'consignmentAmount as amount'])
    .where('hubId', '=', hubId);
  if (!read.since) return days.execute();
  const allOf = read.allOf ?? [];
  const [recent, whole] = await Promise.all([
    read.summed === undefined
      ? days.where('saleDate', '>=', read.since).execute()
      : findSaleDaysSummed(
          db,
          hubId,
          read.since,
          { ...read.summed, byDayOf: [...new Set([...allOf, ...read.summed.byDayOf])] },
          today,
        ),
    allOf.length === 0
      ? []
      : selectInChunks(allOf, (ids) =>
          days.where('orgId', 'in', ids).where('saleDate', '<', read.since).execute(),
        ),
  ]);
  return [...recent, ...whole];
}

/**
 * The days of sales from `since` on (`SalesRead.summed`): summed by cooperative, month and side of
 * `from` up to `upTo`, dated at each part's first day with sales, and day by day for the
 * cooperatives in `byDayOf`. As on `today` when given: the sums of the days up to `lastKeptDay`
 * are held in this process for the day (`heldHistory`), the later days' added to them.
 */
async function findSaleDaysSummed(
  db: Db,
  hubId: string,
  since: string,
  { from, upTo, byDayOf }: NonNullable<SalesRead['summed']>,
  today?: string,
) {
  const last = today === undefined ? undefined : lastKeptDay(today);
  const held = last !== undefined && since <= last && last < upTo;
  const [early, late, days] = await Promise.all([
    held
      ? heldHistory(db, hubId, 'sales', last, `${since}|${from}`, () =>
          sumSaleDays(db, hubId, from, { since, upTo: last }),
        )
      : [],
    sumSaleDays(db, hubId, from, held ? { after: last, upTo } : { since, upTo }),
    byDayOf.length === 0
      ? []
      : selectInChunks(byDayOf, (ids) =>
          db
            .selectFrom('saleDay')
            .select(['orgId', 'saleDate as date', 'consignmentAmount as amount'])
            .where('hubId', '=', hubId)
            .where('orgId', 'in', ids)
            .where('saleDate', '>=', since)
            .execute(),
        ),
  ]);
  // A part of the held days and the same part of the later ones: one part, dated at its first day.
  const parts = new Map<string, { orgId: string; date: string | null; amount: number }>();
  for (const p of [...early, ...late]) {
    const key = `${p.orgId}|${p.day.slice(0, 7)}|${p.day >= from ? 1 : 0}`;
    const known = parts.get(key);
    if (!known) parts.set(key, { orgId: p.orgId, date: p.date, amount: Number(p.amount) });
    else {
      known.amount += Number(p.amount);
      known.date ??= p.date;
    }
  }
  const dayByDay = new Set(byDayOf);
  return [...[...parts.values()].filter((p) => !dayByDay.has(p.orgId)), ...days];
}

/**
 * The hub's days of sales in a range (from `since` or after `after`, up to `upTo`), summed by
 * cooperative, month and side of `from` (before it, or on and after it), with each part's first
 * day and first day with sales.
 */
async function sumSaleDays(
  db: Db,
  hubId: string,
  from: string,
  range: { since?: string; after?: string; upTo: string },
) {
  return db
    .selectFrom('saleDay')
    .select([
      'orgId',
      // Every day of a part is of its month and side: its first day tells which.
      sql<string>`min(sale_date)`.as('day'),
      sql<string | null>`min(case when consignment_amount > 0 then sale_date end)`.as('date'),
      sql<number>`sum(consignment_amount)`.as('amount'),
    ])
    .where('hubId', '=', hubId)
    .$if(range.since !== undefined, (q) => q.where('saleDate', '>=', range.since!))
    .$if(range.after !== undefined, (q) => q.where('saleDate', '>', range.after!))
    .where('saleDate', '<=', range.upTo)
    .groupBy([
      'orgId',
      sql`substr(sale_date, 1, 7)`,
      sql`case when sale_date >= ${from} then 1 else 0 end`,
    ])
    .execute();
}

/**
 * Each cooperative's first day of sales with the hub (its first charge at the consignment price):
 * one look-up by index per cooperative, not a scan of every day.
 */
export async function findFirstSaleDays(
  db: Db,
  hubId: string,
  coopIds: string[],
  today?: string,
): Promise<Map<string, string>> {
  if (today === undefined) return readFirstSaleDays(db, hubId, coopIds);
  // A first day up to the kept cutoff stays first while the hub's kept epoch stands (an earlier
  // sale would be dated before it): held in this process; only the others are looked up.
  const cutoff = keptCutoff(today);
  const early = await heldHistory(db, hubId, 'first-sales', cutoff, coopIds.join(','), async () => {
    const all = await readFirstSaleDays(db, hubId, coopIds);
    return new Map([...all].filter(([, day]) => day <= cutoff));
  });
  const rest = coopIds.filter((id) => !early.has(id));
  const late =
    rest.length === 0 ? new Map<string, string>() : await readFirstSaleDays(db, hubId, rest);
  return new Map([...early, ...late]);
}

async function readFirstSaleDays(
  db: Db,
  hubId: string,
  coopIds: string[],
): Promise<Map<string, string>> {
  const rows = await selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('organization as o')
      .select((eb) => [
        'o.id as orgId',
        eb
          .selectFrom('saleDay as s')
          .select('s.saleDate')
          .whereRef('s.orgId', '=', 'o.id')
          .where('s.hubId', '=', hubId)
          .orderBy('s.saleDate')
          .limit(1)
          .as('first'),
      ])
      .where('o.id', 'in', ids)
      .execute(),
  );
  return new Map(rows.filter((r) => r.first).map((r) => [r.orgId, r.first!]));
}

/**
 * Money the hub received from or for its cooperatives, by day (the cash the forecast is scored
 * on). As on `today` when given: the days up to the kept cutoff held in this process
 * (`heldHistory`), the later ones read.
 */
export async function findReceiptsByDay(
  db: Db,
  hubId: string,
  today?: string,
): Promise<DatedAmount[]> {
  const read = (range: { upTo?: string; after?: string }) =>
    db
      .selectFrom('payment')
      .select(['receivedOn as date', sql<number>`sum(amount)`.as('amount')])
      .where('hubId', '=', hubId)
      .$if(range.upTo !== undefined, (q) => q.where('receivedOn', '<=', range.upTo!))
      .$if(range.after !== undefined, (q) => q.where('receivedOn', '>', range.after!))
      .groupBy('receivedOn')
      .orderBy('receivedOn')
      .execute()
      .then((rows) => rows.map((r) => ({ date: r.date, amount: Number(r.amount) })));
  if (today === undefined) return read({});
  const cutoff = keptCutoff(today);
  const [early, late] = await Promise.all([
    heldHistory(db, hubId, 'receipts', cutoff, '', () => read({ upTo: cutoff })),
    read({ after: cutoff }),
  ]);
  return [...early, ...late];
}

/** The hub's cash now: Kas and Bank in its own books. */
export async function findCashBalance(db: Db, hubId: string): Promise<number> {
  const row = await db
    .selectFrom('accountBalance')
    .select(sql<number | null>`sum(debit - credit)`.as('cash'))
    .where('orgId', '=', hubId)
    .where('accountCode', 'in', [HUB.kas, HUB.bank])
    .executeTakeFirst();
  return Number(row?.cash ?? 0);
}

/**
 * The last day the hub's imported bank statements cover (a statement's period end, or its last
 * line's date when the file names no period): its bank's money is known up to it. Undefined
 * when the hub has imported none.
 */
export async function findLatestBankDay(db: Db, hubId: string): Promise<string | undefined> {
  const [statements, lines] = await Promise.all([
    db
      .selectFrom('bankStatement')
      .select((eb) => eb.fn.max('periodTo').as('day'))
      .where('orgId', '=', hubId)
      .executeTakeFirst(),
    db
      .selectFrom('bankLine')
      .select((eb) => eb.fn.max('lineDate').as('day'))
      .where('orgId', '=', hubId)
      .executeTakeFirst(),
  ]);
  const days = [statements?.day, lines?.day].filter((d): d is string => !!d).sort();
  return days.at(-1);
}

/** The hub's subsidy grants that matter to its cash: paid ones (when), accrued ones still to pay out. */
export async function findSubsidyGrants(db: Db, hubId: string): Promise<GrantRow[]> {
  // Summed by month, status, mode and day settled: a few rows per month, not one per cooperative.
  const rows = await db
    .selectFrom('subsidyGrant')
    .select([
      'month',
      'status',
      'mode',
      'settledOn',
      sql<number>`sum(amount)`.as('amount'),
      sql<number>`count(*)`.as('grants'),
    ])
    .where('hubId', '=', hubId)
    .where('status', 'in', ['paid', 'accrued'])
    .groupBy(['month', 'status', 'mode', 'settledOn'])
    .execute();
  return rows.map((r) => ({ ...r, amount: Number(r.amount), grants: Number(r.grants) }));
}

/** The forecasts kept for the hub's past weeks from `from` to `to` (Mondays): Monday → collections expected. */
export async function findForecastWeeks(
  db: Db,
  hubId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('forecastWeek')
    .select(['weekStart', 'forecast'])
    .where('orgId', '=', hubId)
    .where('weekStart', '>=', from)
    .where('weekStart', '<=', to)
    .execute();
  return new Map(rows.map((r) => [r.weekStart, Number(r.forecast)]));
}

/** Keeps the forecasts of past weeks just worked out; a week already kept (a request at the same time) stays as it is. */
export async function keepForecastWeeks(
  db: Db,
  hubId: string,
  made: ReadonlyMap<string, number>,
  madeAt: string,
): Promise<void> {
  const rows = [...made].map(([weekStart, forecast]) => ({
    orgId: hubId,
    weekStart,
    forecast,
    madeAt,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('forecastWeek')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['orgId', 'weekStart']).doNothing())
      .execute();
}
