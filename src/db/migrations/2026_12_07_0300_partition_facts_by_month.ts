import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL only (SQLite keeps its plain tables): the three fact tables
 * become tables range-partitioned by month of their ISO-text date —
 * `journal_line` (entry_date), `stock_move` (move_date), `sale_line`
 * (sale_date) —, with one partition per month (`<table>_YYYY_MM`) from the
 * month of the table's earliest row (or the current month, WIB, when empty) to
 * three months ahead, and `<table>_default` for any other date. Each is
 * rebuilt from what the catalog says of the original: its columns (LIKE), every
 * constraint under its own name (primary key, foreign keys, checks) and every
 * other index (a database upgraded from 0.1 still has `stock_move_doc_idx`);
 * then its rows are copied over and the original dropped, inside the
 * migration's transaction. The job `month-partitions` creates the months after
 * (src/db/month-partitions.ts). `down` rebuilds plain tables the same way, rows
 * kept. Frozen once landed.
 */
const FACTS = [
  { table: 'journal_line', column: 'entry_date' },
  { table: 'stock_move', column: 'move_date' },
  { table: 'sale_line', column: 'sale_date' },
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const fact of FACTS) await rebuild(db, fact.table, fact.column);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const fact of FACTS) await rebuild(db, fact.table);
}

/**
 * Replaces `table` by a new table of the same columns, constraints and
 * indexes holding the same rows: partitioned by month of `column` when given,
 * else plain.
 */
async function rebuild(db: Db, table: string, column?: string): Promise<void> {
  const old = `${table}_${column ? 'unpartitioned' : 'partitioned'}`;
  const constraints = await sql<{ name: string; kind: string; def: string }>`
    select conname as name, contype as kind, pg_get_constraintdef(oid) as def
      from pg_constraint
     where conrelid = ${table}::regclass and contype in ('p', 'u', 'x', 'c', 'f')
     order by array_position(array['p', 'u', 'x', 'c', 'f']::"char"[], contype), conname`.execute(
    db,
  );
  const indexes = await sql<{ name: string; def: string }>`
    select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = ${table}::regclass
       and not exists (select 1 from pg_constraint c
                        where c.conrelid = x.indrelid and c.conindid = x.indexrelid)
     order by i.relname`.execute(db);

  await sql`alter table ${sql.id(table)} rename to ${sql.id(old)}`.execute(db);
  // Index names are the schema's: the old table's give theirs up first.
  for (const c of constraints.rows.filter((r) => 'pux'.includes(r.kind)))
    await sql`alter table ${sql.id(old)} rename constraint ${sql.id(c.name)} to ${sql.id(`${c.name}_old`)}`.execute(
      db,
    );
  for (const i of indexes.rows)
    await sql`alter index ${sql.id(i.name)} rename to ${sql.id(`${i.name}_old`)}`.execute(db);

  const partitioning = column ? sql` partition by range (${sql.id(column)})` : sql``;
  await sql`create table ${sql.id(table)} (like ${sql.id(old)} including defaults including storage including comments)${partitioning}`.execute(
    db,
  );
  for (const c of constraints.rows)
    await sql`alter table ${sql.id(table)} add constraint ${sql.id(c.name)} ${sql.raw(c.def)}`.execute(
      db,
    );
  // The definitions name the table (`on public.stock_move`), which is now the new one.
  for (const i of indexes.rows) await sql.raw(i.def.replace(' ON ONLY ', ' ON ')).execute(db);
  if (column) await createMonths(db, table, column, old);

  await sql`insert into ${sql.id(table)} select * from ${sql.id(old)}`.execute(db);
  await sql`drop table ${sql.id(old)}`.execute(db);
  await sql`analyze ${sql.id(table)}`.execute(db);
}

/** One partition per month from the earliest row of `source` (or this month, WIB) to 3 months ahead, and the default. */
async function createMonths(db: Db, table: string, column: string, source: string) {
  const months = await sql<{ suffix: string; start: string; end: string }>`
    with bounds as (
      select date_trunc('month', (now() at time zone 'UTC') + interval '7 hours') as this_month,
             (select date_trunc('month', min(${sql.id(column)})::timestamp) from ${sql.id(source)}) as first_month
    )
    select to_char(m, 'YYYY_MM') as suffix, to_char(m, 'YYYY-MM-DD') as start,
           to_char(m + interval '1 month', 'YYYY-MM-DD') as "end"
      from bounds,
           generate_series(least(coalesce(first_month, this_month), this_month),
                           this_month + interval '3 months', interval '1 month') as m
     order by m`.execute(db);
  for (const m of months.rows)
    await sql`create table ${sql.id(`${table}_${m.suffix}`)} partition of ${sql.id(table)}
      for values from (${sql.lit(m.start)}) to (${sql.lit(m.end)})`.execute(db);
  await sql`create table ${sql.id(`${table}_default`)} partition of ${sql.id(table)} default`.execute(
    db,
  );
}
