import { CamelCasePlugin, CompiledQuery, type Insertable } from 'kysely';
import { engineOf } from './connection.ts';
import type { Database, Db } from './database.ts';

/** At most this many organizations in one call: one statement each (see `insertMany`). */
const ROUTED_ORGS = 8;

/** Rows per INSERT: keeps every statement under both engines' bound-parameter limits. */
const MAX_PARAMS = 30_000;

/** Names exactly as the CamelCasePlugin every connection uses writes them. */
class Naming extends CamelCasePlugin {
  name(s: string) {
    return this.snakeCase(s);
  }
}
const naming = new Naming();
/** SQL text by engine, table, columns and row count: the hot paths repeat the same shapes. */
const texts = new Map<string, string>();

function insertText(
  engine: 'sqlite' | 'postgres',
  table: string,
  columns: string[],
  rows: number,
): string {
  const key = `${engine}|${table}|${columns.join(',')}|${rows}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    const row = () =>
      `(${columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    text = `insert into "${naming.name(table)}" (${columns
      .map((c) => `"${naming.name(c)}"`)
      .join(', ')}) values ${Array.from({ length: rows }, row).join(', ')}`;
    if (texts.size >= 1_000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/**
 * Inserts rows in as few multi-row statements as the engines allow. The rows
 * of one call have the same columns (else Kysely builds the statement); the
 * SQL is written here rather than through Kysely's query builder, whose
 * per-value work was a tenth of the server's time posting sales.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  // PostgreSQL: a command's rows of a few organizations (a cooperative's and its hub's books) go in
  // one statement per organization, each routed to its tenant (docs/SCALING.md); a bulk load of
  // many organizations (a hub-wide job, the generator) keeps its multi-row statements.
  if (columns.includes('orgId') && engineOf(db) === 'postgres') {
    const byOrg = new Map<unknown, Insertable<Database[T]>[]>();
    for (const r of rows) {
      const orgId = (r as { orgId?: unknown }).orgId;
      const group = byOrg.get(orgId);
      if (group) group.push(r);
      else byOrg.set(orgId, [r]);
    }
    if (byOrg.size > 1 && byOrg.size <= ROUTED_ORGS) {
      // Several statements: all of them or none, as the one statement they replace.
      const each = async (trx: Db) => {
        for (const group of byOrg.values()) await insertMany(trx, table, group);
      };
      if (db.isTransaction) await each(db);
      else await db.transaction().execute(each);
      return;
    }
  }
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / (columns.length || 1)));
  const sameShape =
    columns.length > 0 &&
    rows.every((r) => {
      const o = r as Record<string, unknown>;
      return Object.keys(o).length === columns.length && columns.every((c) => o[c] !== undefined);
    });
  const engine = engineOf(db);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    if (!sameShape) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await (db as any).insertInto(table).values(part).execute();
      continue;
    }
    const params: unknown[] = [];
    for (const r of part) for (const c of columns) params.push((r as Record<string, unknown>)[c]);
    await db.executeQuery(
      CompiledQuery.raw(insertText(engine, table, columns, part.length), params),
    );
  }
}
