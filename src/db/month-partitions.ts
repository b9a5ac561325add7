import { sql, type Kysely, type Transaction } from 'kysely';
import { engineOf } from './connection.ts';
import type { Database, Db } from './database.ts';
import { transactionRunAgain } from './retry.ts';

/**
 * The monthly partitions of the fact tables on PostgreSQL (migration
 * 2026_12_07_0300_partition_facts_by_month): each table is partitioned by range
 * of its ISO-text date, one partition per month named `<table>_YYYY_MM`
 * (`FOR VALUES FROM ('YYYY-MM-01') TO (first day of the next month)`), and
 * `<table>_default` takes any other date. SQLite keeps plain tables: every
 * function here does nothing there.
 */
export const MONTH_PARTITIONED = [
  { table: 'journal_line', column: 'entry_date' },
  { table: 'stock_move', column: 'move_date' },
  { table: 'sale_line', column: 'sale_date' },
] as const;

export type MonthPartitionedTable = (typeof MONTH_PARTITIONED)[number]['table'];

export interface MonthPartition {
  name: string;
  /** YYYY-MM */
  month: string;
  /** When the partition is itself hash-partitioned (by `org_id`): its key and modulus. */
  hash?: { key: string; modulus: number };
}

export interface MonthPartitions {
  /** Whether the table is partitioned at all (false on SQLite, or on PostgreSQL before the migration). */
  partitioned: boolean;
  /** Its month partitions, oldest first. */
  months: MonthPartition[];
  /** The DEFAULT partition's name, if there is one. */
  defaultName?: string;
}

export interface EnsuredMonthPartitions {
  /** The partitions created, `<table>_YYYY_MM`, in order. */
  created: string[];
  /** Rows moved out of a DEFAULT partition into the new months. */
  moved: number;
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const RANGE_RE = /^FOR VALUES FROM \('(\d{4}-\d{2})-01'\) TO \('(\d{4}-\d{2})-01'\)$/;
const MODULUS_RE = /modulus (\d+)/i;

/** The month `n` months after `month` (YYYY-MM). */
export function monthPlus(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = monthPlus(m, 1)) out.push(m);
  return out;
}

/** A table's month partitions and its DEFAULT partition, as the catalog has them. */
export async function listMonthPartitions(
  db: Db,
  table: MonthPartitionedTable,
): Promise<MonthPartitions> {
  if (engineOf(db) !== 'postgres') return { partitioned: false, months: [] };
  const isPartitioned = await sql<{ n: number }>`
    select count(*)::int as n from pg_partitioned_table where partrelid = to_regclass(${table})`.execute(
    db,
  );
  if (!isPartitioned.rows[0]?.n) return { partitioned: false, months: [] };
  const rows = await sql<{ name: string; bound: string; key: string | null; sub: string | null }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound,
           case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as key,
           (select pg_get_expr(s.relpartbound, s.oid)
              from pg_inherits h join pg_class s on s.oid = h.inhrelid
             where h.inhparent = c.oid limit 1) as sub
      from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = ${table}::regclass`.execute(db);
  const months: MonthPartition[] = [];
  let defaultName: string | undefined;
  for (const r of rows.rows) {
    if (r.bound === 'DEFAULT') defaultName = r.name;
    const range = RANGE_RE.exec(r.bound);
    if (!range || monthPlus(range[1]!, 1) !== range[2]) continue;
    const modulus = r.key?.startsWith('HASH') ? MODULUS_RE.exec(r.sub ?? '') : null;
    months.push({
      name: r.name,
      month: range[1]!,
      ...(modulus ? { hash: { key: r.key!, modulus: Number(modulus[1]) } } : {}),
    });
  }
  months.sort((a, b) => a.month.localeCompare(b.month));
  return { partitioned: true, months, ...(defaultName ? { defaultName } : {}) };
}

/**
 * Creates the month partitions from `from` to `to` (YYYY-MM, both included)
 * that the three fact tables lack; those present stay (idempotent). A new
 * month is made like the latest month partition before it: hash-partitioned
 * the same way (`<table>_YYYY_MM_pNN`, same key and modulus) when that one
 * is. If the DEFAULT partition holds rows of the month, they move into it, in
 * the same transaction (the default is detached, the month created, the rows
 * moved, the default attached again). One transaction per new partition
 * (the caller's, when given one); SQLite: nothing.
 */
export async function ensureMonthPartitions(
  db: Db,
  range: { from: string; to: string },
): Promise<EnsuredMonthPartitions> {
  if (!MONTH_RE.test(range.from) || !MONTH_RE.test(range.to))
    throw new Error(`months are YYYY-MM: ${range.from}, ${range.to}`);
  const result: EnsuredMonthPartitions = { created: [], moved: 0 };
  if (engineOf(db) !== 'postgres') return result;
  for (const { table, column } of MONTH_PARTITIONED) {
    const present = await listMonthPartitions(db, table);
    if (!present.partitioned) continue;
    const have = new Set(present.months.map((p) => p.month));
    for (const month of monthsBetween(range.from, range.to)) {
      if (have.has(month)) continue;
      // What it created, counted once its transaction lands (run again after a deadlock).
      const create = async (trx: Transaction<Database>) => {
        if (!db.isTransaction) await sql`set local lock_timeout = '10s'`.execute(trx);
        await sql`lock table ${sql.id(table)} in access exclusive mode`.execute(trx);
        const now = await listMonthPartitions(trx, table);
        if (now.months.some((p) => p.month === month)) return undefined;
        return { moved: await createMonth(trx, table, column, month, now) };
      };
      const made = db.isTransaction
        ? await create(db as Transaction<Database>)
        : await transactionRunAgain(db as Kysely<Database>, create);
      if (made) {
        result.moved += made.moved;
        result.created.push(`${table}_${month.replace('-', '_')}`);
      }
    }
  }
  return result;
}

/** Creates one month partition of `table`; returns the rows it took over from the default. */
async function createMonth(
  trx: Transaction<Database>,
  table: string,
  column: string,
  month: string,
  present: MonthPartitions,
): Promise<number> {
  const name = `${table}_${month.replace('-', '_')}`;
  const start = `${month}-01`;
  const end = `${monthPlus(month, 1)}-01`;
  const inMonth = sql`${sql.id(column)} >= ${sql.lit(start)} and ${sql.id(column)} < ${sql.lit(end)}`;
  const fallback = present.defaultName;
  const waiting = fallback
    ? await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.id(fallback)} where ${inMonth}`.execute(trx)
    : undefined;
  const moving = waiting?.rows[0]?.n ?? 0;
  if (fallback && moving)
    await sql`alter table ${sql.id(table)} detach partition ${sql.id(fallback)}`.execute(trx);

  const model = present.months.filter((p) => p.month < month).at(-1) ?? present.months.at(-1);
  const hash = model?.hash;
  const subpartitioned = hash ? sql` partition by ${sql.raw(hash.key)}` : sql``;
  await sql`create table ${sql.id(name)} partition of ${sql.id(table)}
    for values from (${sql.lit(start)}) to (${sql.lit(end)})${subpartitioned}`.execute(trx);
  for (let r = 0; hash && r < hash.modulus; r++)
    await sql`create table ${sql.id(`${name}_p${String(r).padStart(2, '0')}`)} partition of ${sql.id(name)}
      for values with (modulus ${sql.lit(hash.modulus)}, remainder ${sql.lit(r)})`.execute(trx);

  if (fallback && moving) {
    const columns = await sql<{ name: string }>`
      select attname as name from pg_attribute
       where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
       order by attnum`.execute(trx);
    const list = sql.join(columns.rows.map((c) => sql.id(c.name)));
    await sql`with moved as (delete from ${sql.id(fallback)} where ${inMonth} returning *)
      insert into ${sql.id(name)} (${list}) select ${list} from moved`.execute(trx);
    await sql`alter table ${sql.id(table)} attach partition ${sql.id(fallback)} default`.execute(
      trx,
    );
  }
  return moving;
}
