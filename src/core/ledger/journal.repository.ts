import type { DocType } from '../shared/doc-type.ts';
import { sql } from 'kysely';
import { lastDayOfMonth } from '../shared/business-date.ts';
import { insertMany } from '../../db/batch.ts';
import type { Db } from '../../db/database.ts';
import type {
  AccountBalanceTable,
  AccountMonthTable,
  JournalEntryTable,
  JournalLineTable,
} from './ledger.table.ts';

export async function insertJournal(
  db: Db,
  entries: JournalEntryTable[],
  lines: JournalLineTable[],
): Promise<void> {
  await insertMany(db, 'journalEntry', entries);
  await insertMany(db, 'journalLine', lines);
}

/** Adds the deltas to the kept balances (one row per org, account, counterparty). */
export async function addToAccountBalances(db: Db, deltas: AccountBalanceTable[]): Promise<void> {
  // One statement per organization (its book), each routed to its tenant.
  const byOrg = new Map<string, AccountBalanceTable[]>();
  for (const d of deltas) {
    const group = byOrg.get(d.orgId);
    if (group) group.push(d);
    else byOrg.set(d.orgId, [d]);
  }
  for (const group of byOrg.values()) await addToBookBalances(db, group);
}

async function addToBookBalances(db: Db, deltas: AccountBalanceTable[]): Promise<void> {
  for (let i = 0; i < deltas.length; i += 1000) {
    await db
      .insertInto('accountBalance')
      .values(deltas.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['orgId', 'accountCode', 'counterpartyOrgId']).doUpdateSet((eb) => ({
          debit: eb(eb.ref('accountBalance.debit'), '+', eb.ref('excluded.debit')),
          credit: eb(eb.ref('accountBalance.credit'), '+', eb.ref('excluded.credit')),
        })),
      )
      .execute();
  }
}

/** Adds the deltas to the kept month totals (one row per org, account, counterparty and month). */
export async function addToAccountMonths(db: Db, deltas: AccountMonthTable[]): Promise<void> {
  const byOrg = new Map<string, AccountMonthTable[]>();
  for (const d of deltas) {
    const group = byOrg.get(d.orgId);
    if (group) group.push(d);
    else byOrg.set(d.orgId, [d]);
  }
  for (const group of byOrg.values())
    for (let i = 0; i < group.length; i += 1000)
      await db
        .insertInto('accountMonth')
        .values(group.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.columns(['orgId', 'accountCode', 'counterpartyOrgId', 'month']).doUpdateSet((eb) => ({
            debit: eb(eb.ref('accountMonth.debit'), '+', eb.ref('excluded.debit')),
            credit: eb(eb.ref('accountMonth.credit'), '+', eb.ref('excluded.credit')),
          })),
        )
        .execute();
}

export async function findAccountBalances(
  db: Db,
  orgId: string,
  filter: { accountCode?: string; counterpartyOrgId?: string } = {},
): Promise<AccountBalanceTable[]> {
  let q = db.selectFrom('accountBalance').selectAll().where('orgId', '=', orgId);
  if (filter.accountCode) q = q.where('accountCode', '=', filter.accountCode);
  if (filter.counterpartyOrgId) q = q.where('counterpartyOrgId', '=', filter.counterpartyOrgId);
  return q.orderBy('accountCode').orderBy('counterpartyOrgId').execute();
}

/**
 * Σ debit and Σ credit per account and counterparty up to a date, from the
 * journal lines themselves; the accounts in `pooled` (kept per cooperative,
 * read as one total) as one row with counterparty ''.
 */
export async function sumJournalLines(
  db: Db,
  orgId: string,
  asOf?: string,
  pooled: readonly string[] = [],
) {
  // Literals (chart codes), so that PostgreSQL sees the same expression in select and group by.
  const codes = sql.join(pooled.map((c) => sql.lit(c)));
  const counterparty =
    pooled.length === 0
      ? sql<string>`counterparty_org_id`
      : sql<string>`case when account_code in (${codes}) then '' else counterparty_org_id end`;
  let q = db
    .selectFrom('journalLine')
    .select([
      'accountCode',
      counterparty.as('counterpartyOrgId'),
      sql<number>`sum(debit)`.as('debit'),
      sql<number>`sum(credit)`.as('credit'),
    ])
    .where('orgId', '=', orgId);
  if (asOf) q = q.where('entryDate', '<=', asOf);
  return q
    .groupBy(['accountCode', counterparty])
    .orderBy('accountCode')
    .orderBy(counterparty)
    .execute();
}

export async function findJournal(
  db: Db,
  orgId: string,
  range: { from?: string; to?: string } = {},
) {
  let q = db
    .selectFrom('journalEntry as e')
    .innerJoin('journalLine as l', (j) =>
      j.onRef('l.orgId', '=', 'e.orgId').onRef('l.entryId', '=', 'e.id'),
    )
    .select([
      'e.id as entryId',
      'e.entryDate',
      'e.docType',
      'e.docId',
      'e.memo',
      'l.lineNo',
      'l.accountCode',
      'l.counterpartyOrgId',
      'l.debit',
      'l.credit',
    ])
    .where('e.orgId', '=', orgId);
  if (range.from) q = q.where('e.entryDate', '>=', range.from);
  if (range.to) q = q.where('e.entryDate', '<=', range.to);
  return q.orderBy('e.entryDate').orderBy('e.id').orderBy('l.lineNo').execute();
}

/** Entries whose lines do not balance: must always be empty. */
export async function findUnbalancedEntries(db: Db) {
  return db
    .selectFrom('journalLine')
    .select([
      'orgId',
      'entryId',
      sql<number>`sum(debit)`.as('debit'),
      sql<number>`sum(credit)`.as('credit'),
    ])
    .groupBy(['orgId', 'entryId'])
    .having(sql`sum(debit)`, '<>', sql`sum(credit)`)
    .execute();
}

/** Every kept balance next to the sum of its lines, where they differ. */
export async function findAccountBalanceDrift(db: Db) {
  const sums = await db
    .selectFrom('journalLine')
    .select([
      'orgId',
      'accountCode',
      'counterpartyOrgId',
      sql<number>`sum(debit)`.as('debit'),
      sql<number>`sum(credit)`.as('credit'),
    ])
    .groupBy(['orgId', 'accountCode', 'counterpartyOrgId'])
    .execute();
  const kept = await db.selectFrom('accountBalance').selectAll().execute();
  const key = (r: { orgId: string; accountCode: string; counterpartyOrgId: string }) =>
    `${r.orgId}|${r.accountCode}|${r.counterpartyOrgId}`;
  const keptMap = new Map(kept.map((r) => [key(r), r]));
  const drift: { key: string; kept: [number, number]; computed: [number, number] }[] = [];
  for (const s of sums) {
    const k = keptMap.get(key(s));
    keptMap.delete(key(s));
    if (!k || k.debit !== s.debit || k.credit !== s.credit) {
      drift.push({
        key: key(s),
        kept: [k?.debit ?? 0, k?.credit ?? 0],
        computed: [s.debit, s.credit],
      });
    }
  }
  for (const [k, r] of keptMap) {
    if (r.debit !== 0 || r.credit !== 0)
      drift.push({ key: k, kept: [r.debit, r.credit], computed: [0, 0] });
  }
  return drift;
}

export interface DebitCredit {
  debit: number;
  credit: number;
}

/**
 * Σ debit and Σ credit per counterparty of one account of a book over its lines dated up to each
 * of `dates` (date → counterparty → sums), read from what the postings keep: the balance of all
 * its lines (`account_balance`), less the whole months after the date's month (`account_month`),
 * less the date's month and plus that month's lines up to the date (none when the date ends its
 * month), or, for a date in the later part of its month, less that month's lines after the date
 * (today's: none). Only the months from the earliest date's on are read, each date's sums added
 * up by the database: one row per counterparty, however many dates. A counterparty with nothing
 * up to a date (both sums zero) is not in that date's map.
 */
export async function sumAccountUpTo(
  db: Db,
  orgId: string,
  accountCode: string,
  dates: readonly string[],
): Promise<Map<string, Map<string, DebitCredit>>> {
  const out = new Map(dates.map((d) => [d, new Map<string, DebitCredit>()]));
  if (dates.length === 0) return out;
  const days = [...out.keys()];
  const { balances, later, lines, partial, sign } = await readBackFrom(
    db,
    orgId,
    accountCode,
    days,
    ['counterpartyOrgId'],
  );
  const byCp = <T extends { counterpartyOrgId: string }>(rows: T[]) =>
    new Map(rows.map((r) => [r.counterpartyOrgId, r]));
  const balance = byCp(balances);
  const after = byCp(later);
  const within = byCp(lines);
  const cps = new Set([...balance.keys(), ...after.keys(), ...within.keys()]);
  days.forEach((d, i) => {
    const into = out.get(d)!;
    const j = partial.indexOf(d);
    for (const cp of cps) {
      const b = balance.get(cp);
      const a = after.get(cp);
      const l = j >= 0 ? within.get(cp) : undefined;
      const s = sign[j] ?? 0;
      const debit =
        Number(b?.debit ?? 0) - Number(a?.[`d${i}`] ?? 0) + s * Number(l?.[`d${j}`] ?? 0);
      const credit =
        Number(b?.credit ?? 0) - Number(a?.[`c${i}`] ?? 0) + s * Number(l?.[`c${j}`] ?? 0);
      if (debit !== 0 || credit !== 0) into.set(cp, { debit, credit });
    }
  });
  return out;
}

type Summed = Record<string, unknown>;

/**
 * The reads {@link sumAccountUpTo} and {@link sumAccountTotalUpTo} work from, grouped by
 * `groupBy` (nothing: one row): the balance; for each of `days` (column `d<i>`, `c<i>`) the
 * months after it (its own month too when it does not end it); and for each of the days that
 * do not end their month (`partial`, column `d<j>`, `c<j>`) its month's lines up to it.
 */
async function readBackFrom(
  db: Db,
  orgId: string,
  accountCode: string,
  days: readonly string[],
  groupBy: readonly 'counterpartyOrgId'[],
) {
  const monthOf = (d: string) => d.slice(0, 7);
  const endOf = (d: string) => lastDayOfMonth(monthOf(d));
  const endsItsMonth = (d: string) => d === endOf(d);
  // A day in the later part of its month is read back from the month's end: the month counted
  // whole, less its lines after the day (none for today), the fewer lines of the two.
  const fromEnd = (d: string) =>
    Number(endOf(d).slice(8)) - Number(d.slice(8)) < Number(d.slice(8));
  const earliest = days.reduce((a, b) => (a < b ? a : b));
  const partial = days.filter((d) => !endsItsMonth(d));
  /** +1: the month's lines up to the day are added; −1: its lines after the day are taken off. */
  const sign = partial.map((d) => (fromEnd(d) ? -1 : 1));
  const sums = (conditions: ReturnType<typeof sql<boolean>>[]) =>
    conditions.flatMap((when, i) => [
      sql<number>`sum(case when ${when} then debit else 0 end)`.as(`d${i}`),
      sql<number>`sum(case when ${when} then credit else 0 end)`.as(`c${i}`),
    ]);
  const columns = [...groupBy];
  const [balances, later, lines] = await Promise.all([
    db
      .selectFrom('accountBalance')
      .select([
        ...columns,
        sql<number>`sum(debit)`.as('debit'),
        sql<number>`sum(credit)`.as('credit'),
      ])
      .where('orgId', '=', orgId)
      .where('accountCode', '=', accountCode)
      .$if(columns.length > 0, (q) => q.groupBy(columns))
      .execute() as Promise<(Summed & { counterpartyOrgId: string })[]>,
    db
      .selectFrom('accountMonth')
      .select([
        ...columns,
        ...sums(
          days.map((d) =>
            endsItsMonth(d) || fromEnd(d)
              ? sql<boolean>`month > ${monthOf(d)}`
              : sql<boolean>`month >= ${monthOf(d)}`,
          ),
        ),
      ])
      .where('orgId', '=', orgId)
      .where('accountCode', '=', accountCode)
      .where('month', '>=', monthOf(earliest))
      .$if(columns.length > 0, (q) => q.groupBy(columns))
      .execute() as Promise<(Summed & { counterpartyOrgId: string })[]>,
    partial.length === 0
      ? []
      : (db
          .selectFrom('journalLine')
          .select([
            ...columns,
            ...sums(
              partial.map((d, j) =>
                sign[j]! > 0
                  ? sql<boolean>`entry_date >= ${`${monthOf(d)}-01`} and entry_date <= ${d}`
                  : sql<boolean>`entry_date > ${d} and entry_date <= ${endOf(d)}`,
              ),
            ),
          ])
          .where('orgId', '=', orgId)
          .where('accountCode', '=', accountCode)
          .where((eb) =>
            eb.or(
              partial.map((d, j) =>
                sign[j]! > 0
                  ? eb.and([eb('entryDate', '>=', `${monthOf(d)}-01`), eb('entryDate', '<=', d)])
                  : eb.and([eb('entryDate', '>', d), eb('entryDate', '<=', endOf(d))]),
              ),
            ),
          )
          .$if(columns.length > 0, (q) => q.groupBy(columns))
          .execute() as Promise<(Summed & { counterpartyOrgId: string })[]>),
  ]);
  return { balances, later, lines, partial, sign };
}

/**
 * {@link sumAccountUpTo} summed over every counterparty: the book's Σ debit and Σ credit of one
 * account up to each of `dates`, added up by the database from the same kept rows, so a network
 * total reads no row per cooperative.
 */
export async function sumAccountTotalUpTo(
  db: Db,
  orgId: string,
  accountCode: string,
  dates: readonly string[],
): Promise<Map<string, DebitCredit>> {
  const out = new Map<string, DebitCredit>();
  const days = [...new Set(dates)];
  if (days.length === 0) return out;
  const { balances, later, lines, partial, sign } = await readBackFrom(
    db,
    orgId,
    accountCode,
    days,
    [],
  );
  const b = balances[0];
  const a = later[0];
  const l = lines[0];
  days.forEach((d, i) => {
    const j = partial.indexOf(d);
    const within = (c: 'd' | 'c') => (j >= 0 ? sign[j]! * Number(l?.[`${c}${j}`] ?? 0) : 0);
    out.set(d, {
      debit: Number(b?.debit ?? 0) - Number(a?.[`d${i}`] ?? 0) + within('d'),
      credit: Number(b?.credit ?? 0) - Number(a?.[`c${i}`] ?? 0) + within('c'),
    });
  });
  return out;
}

/** Every kept month total next to the sum of its lines, where they differ (either missing counts as zero). */
export async function findAccountMonthDrift(db: Db) {
  const month = sql<string>`substr(entry_date, 1, 7)`;
  const [sums, kept] = await Promise.all([
    db
      .selectFrom('journalLine')
      .select([
        'orgId',
        'accountCode',
        'counterpartyOrgId',
        month.as('month'),
        sql<number>`sum(debit)`.as('debit'),
        sql<number>`sum(credit)`.as('credit'),
      ])
      .groupBy(['orgId', 'accountCode', 'counterpartyOrgId', month])
      .execute(),
    db.selectFrom('accountMonth').selectAll().execute(),
  ]);
  const key = (r: {
    orgId: string;
    accountCode: string;
    counterpartyOrgId: string;
    month: string;
  }) => `${r.orgId}|${r.accountCode}|${r.counterpartyOrgId}|${r.month}`;
  const keptOf = new Map(kept.map((r) => [key(r), r]));
  const drift: { key: string; kept: [number, number]; computed: [number, number] }[] = [];
  for (const s of sums) {
    const k = keptOf.get(key(s));
    keptOf.delete(key(s));
    const computed: [number, number] = [Number(s.debit), Number(s.credit)];
    if (!k || Number(k.debit) !== computed[0] || Number(k.credit) !== computed[1])
      drift.push({ key: key(s), kept: [Number(k?.debit ?? 0), Number(k?.credit ?? 0)], computed });
  }
  for (const [k, r] of keptOf)
    if (Number(r.debit) !== 0 || Number(r.credit) !== 0)
      drift.push({ key: k, kept: [Number(r.debit), Number(r.credit)], computed: [0, 0] });
  return drift;
}

/** A page of an organization's journal entries in reading order (date, then id), after a cursor. */
export async function findJournalEntriesPage(
  db: Db,
  orgId: string,
  opts: {
    from?: string;
    to?: string;
    docType?: DocType;
    after?: { date: string; id: string };
    limit: number;
  },
): Promise<JournalEntryTable[]> {
  let q = db.selectFrom('journalEntry').selectAll().where('orgId', '=', orgId);
  if (opts.docType) q = q.where('docType', '=', opts.docType);
  if (opts.from) q = q.where('entryDate', '>=', opts.from);
  if (opts.to) q = q.where('entryDate', '<=', opts.to);
  const after = opts.after;
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('entryDate', '>', after.date),
        eb.and([eb('entryDate', '=', after.date), eb('id', '>', after.id)]),
      ]),
    );
  return q.orderBy('entryDate').orderBy('id').limit(opts.limit).execute();
}

/**
 * The lines of some of an organization's journal entries, in entry and line
 * order. The entries' date range keeps a month-partitioned table to the
 * partitions that can hold them.
 */
export async function findJournalLinesOfEntries(
  db: Db,
  orgId: string,
  entries: Pick<JournalEntryTable, 'id' | 'entryDate'>[],
): Promise<JournalLineTable[]> {
  if (entries.length === 0) return [];
  const dates = entries.map((e) => e.entryDate).sort();
  return db
    .selectFrom('journalLine')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('entryDate', '>=', dates[0]!)
    .where('entryDate', '<=', dates[dates.length - 1]!)
    .where(
      'entryId',
      'in',
      entries.map((e) => e.id),
    )
    .orderBy('entryId')
    .orderBy('lineNo')
    .execute();
}
