import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * PostgreSQL only, for the tenant-routing test (`npm run test:routing`, docs/SCALING.md): every
 * tenant table — a table with an `org_id` column whose primary key starts with `org_id` — becomes a
 * table `PARTITION BY HASH (org_id)` with `modulus` partitions `<table>_pNN`, as a table distributed
 * by `org_id` over `modulus` nodes would be. Columns, defaults, primary key, unique and check
 * constraints, indexes and foreign keys are kept under their names; foreign keys are read with
 * `pg_get_constraintdef`, dropped, and added back once every table is converted. A table already
 * partitioned (by month: src/db/month-partitions.ts) keeps its months, each month (and the default)
 * becoming a table hash-partitioned by `org_id` the same way (`<month>_pNN`). Rows are kept.
 */
export async function partitionTenantTables(db: Db, modulus: number): Promise<TenantCatalog> {
  if (!Number.isInteger(modulus) || modulus < 2)
    throw new Error(`modulus must be ≥ 2, got ${modulus}`);
  const catalog = await tenantCatalog(db);
  const tenant = catalog.tenant;
  const fks = await sql<{ name: string; table: string; def: string }>`
    select c.conname as name, r.relname as "table", pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      join pg_class r on r.oid = c.conrelid
      join pg_class f on f.oid = c.confrelid
     where c.contype = 'f' and c.conparentid = 0
       and (r.relname = any(${tenant}) or f.relname = any(${tenant}))
     order by r.relname, c.conname`.execute(db);
  for (const fk of fks.rows)
    await sql`alter table ${sql.id(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(db);
  for (const table of tenant) {
    const kind = await sql<{ kind: string }>`
      select relkind as kind from pg_class where oid = ${table}::regclass`.execute(db);
    if (kind.rows[0]?.kind === 'p') await hashEachLeaf(db, table, modulus);
    else await rebuildHashed(db, table, modulus);
  }
  for (const fk of fks.rows)
    await sql`alter table ${sql.id(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.def)}`.execute(
      db,
    );
  return catalog;
}

export interface TenantCatalog {
  /** Tables with `org_id` first in their primary key. */
  tenant: string[];
  /** Every other table (reference and job tables, and tables keyed otherwise), with its key. */
  other: { table: string; key: string }[];
}

/** The tenant tables and the others, read from the catalog of the database's `public` schema. */
export async function tenantCatalog(db: Db): Promise<TenantCatalog> {
  const rows = await sql<{ table: string; key: string | null }>`
    select c.relname as "table",
           (select string_agg(a.attname, ', ' order by k.ord)
              from pg_constraint p
              cross join unnest(p.conkey) with ordinality as k(att, ord)
              join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.att
             where p.conrelid = c.oid and p.contype = 'p') as key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and c.relname not like 'kysely_%'
     order by c.relname`.execute(db);
  const isTenant = (key: string | null) => key === 'org_id' || !!key?.startsWith('org_id, ');
  return {
    tenant: rows.rows.filter((r) => isTenant(r.key)).map((r) => r.table),
    other: rows.rows
      .filter((r) => !isTenant(r.key))
      .map((r) => ({ table: r.table, key: r.key ?? '' })),
  };
}

/** Creates `<parent>_pNN` for every remainder of `modulus`. */
async function createHashPartitions(db: Db, parent: string, modulus: number): Promise<void> {
  for (let i = 0; i < modulus; i++)
    await sql`create table ${sql.id(partitionName(parent, i))} partition of ${sql.id(parent)}
      for values with (modulus ${sql.lit(modulus)}, remainder ${sql.lit(i)})`.execute(db);
}

export function partitionName(parent: string, remainder: number): string {
  return `${parent}_p${String(remainder).padStart(2, '0')}`;
}

/**
 * A plain table rebuilt hash-partitioned: its rows copied into a new partitioned table, the old one
 * dropped, then its constraints and indexes created again under their own names.
 */
async function rebuildHashed(db: Db, table: string, modulus: number): Promise<void> {
  const pieces = await sql<{ name: string; isIndex: boolean; def: string }>`
    select name, is_index as "isIndex", def from (
      select conname::text as name, false as is_index, pg_get_constraintdef(oid) as def,
             position(contype::text in 'puxc') as rank
        from pg_constraint where conrelid = ${table}::regclass and contype in ('p', 'u', 'x', 'c')
      union all
      select c.relname::text, true, pg_get_indexdef(c.oid), 5
        from pg_index x join pg_class c on c.oid = x.indexrelid
       where x.indrelid = ${table}::regclass
         and x.indexrelid not in (select conindid from pg_constraint where conrelid = ${table}::regclass)
    ) as p order by rank, name`.execute(db);
  const hashed = `${table}_hashed`;
  await sql`create table ${sql.id(hashed)} (like ${sql.id(table)} including defaults including storage including comments)
    partition by hash (org_id)`.execute(db);
  for (let i = 0; i < modulus; i++)
    await sql`create table ${sql.id(partitionName(table, i))} partition of ${sql.id(hashed)}
      for values with (modulus ${sql.lit(modulus)}, remainder ${sql.lit(i)})`.execute(db);
  await sql`insert into ${sql.id(hashed)} select * from ${sql.id(table)}`.execute(db);
  await sql`drop table ${sql.id(table)}`.execute(db);
  await sql`alter table ${sql.id(hashed)} rename to ${sql.id(table)}`.execute(db);
  for (const piece of pieces.rows) {
    // An index's definition names the table (`ON public.sale`): now the partitioned one.
    const ddl = piece.isIndex
      ? sql.raw(piece.def)
      : sql`alter table ${sql.id(table)} add constraint ${sql.id(piece.name)} ${sql.raw(piece.def)}`;
    await ddl.execute(db).catch((e: Error) => {
      throw new Error(`${table}: ${piece.name} ${piece.def}: ${e.message}`);
    });
  }
}

/** Every leaf of a partitioned table (its months and default) becomes hash-partitioned by `org_id`. */
async function hashEachLeaf(db: Db, table: string, modulus: number): Promise<void> {
  const leaves = await sql<{ name: string; bound: string; kind: string }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound, c.relkind as kind
      from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = ${table}::regclass
     order by c.relname`.execute(db);
  for (const leaf of leaves.rows) {
    if (leaf.kind === 'p') continue; // already sub-partitioned (by ensureMonthPartitions)
    await convertLeaf(db, table, leaf.name, leaf.bound, modulus);
  }
}

/**
 * Replaces the leaf `leaf` (bound `bound`) of `table` by a table hash-partitioned by `org_id` with
 * `modulus` partitions, rows kept.
 */
export async function convertLeaf(
  db: Db,
  table: string,
  leaf: string,
  bound: string,
  modulus: number,
): Promise<void> {
  const old = `${leaf}_unhashed`;
  await sql`alter table ${sql.id(table)} detach partition ${sql.id(leaf)}`.execute(db);
  await sql`alter table ${sql.id(leaf)} rename to ${sql.id(old)}`.execute(db);
  await sql`create table ${sql.id(leaf)} partition of ${sql.id(table)} ${sql.raw(bound)}
    partition by hash (org_id)`.execute(db);
  await createHashPartitions(db, leaf, modulus);
  await sql`insert into ${sql.id(leaf)} select * from ${sql.id(old)}`.execute(db);
  await sql`drop table ${sql.id(old)}`.execute(db);
}
