import type { DocType } from '../src/core/shared/doc-type.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.ts';

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function group<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/**
 * The raw reference of a posting benchmark: the very rows the core wrote for
 * one kind of document (its header and lines, its stock moves, its journal
 * entries and lines) inserted again into plain tables of the same shape (no
 * keys, checks or balances), one transaction per batch of documents as the
 * core ran them. Returns the milliseconds the inserts took.
 */
export async function timeReferenceInserts(
  db: Kysely<Database>,
  doc: {
    docType: DocType;
    header: keyof Database & string;
    lines: keyof Database & string;
    lineDocColumn: string;
  },
  batches: string[][],
): Promise<number> {
  const tables = [doc.header, doc.lines, 'stockMove', 'journalEntry', 'journalLine'];
  for (const t of tables) {
    await sql`create table ${sql.table(`ref_${snake(t)}`)} as select * from ${sql.table(snake(t))} where 1 = 0`.execute(
      db,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any = db as any;
  const [heads, lines, moves, entries, journalLines] = (await Promise.all([
    any.selectFrom(doc.header).selectAll().execute(),
    any.selectFrom(doc.lines).selectAll().execute(),
    db.selectFrom('stockMove').selectAll().where('docType', '=', doc.docType).execute(),
    db.selectFrom('journalEntry').selectAll().where('docType', '=', doc.docType).execute(),
    db
      .selectFrom('journalLine as l')
      .innerJoin('journalEntry as e', (j) =>
        j.onRef('e.orgId', '=', 'l.orgId').onRef('e.id', '=', 'l.entryId'),
      )
      .selectAll('l')
      .where('e.docType', '=', doc.docType)
      .execute(),
  ])) as Record<string, string>[][];
  const entryDoc = new Map(entries!.map((e) => [e.id!, e.docId!]));
  const byDoc = [
    group(heads!, (r) => r.id!),
    group(lines!, (r) => r[doc.lineDocColumn]!),
    group(moves!, (r) => r.docId!),
    group(entries!, (r) => r.docId!),
    group(journalLines!, (r) => entryDoc.get(r.entryId!)!),
  ];
  const t0 = performance.now();
  for (const ids of batches) {
    await db.transaction().execute(async (trx) => {
      for (const [i, table] of tables.entries()) {
        const rows = ids.flatMap((id) => byDoc[i]!.get(id) ?? []);
        const size = Math.max(
          1,
          Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? {}).length)),
        );
        for (let k = 0; k < rows.length; k += size) {
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          await (trx as any)
            .insertInto(`ref${table[0]!.toUpperCase()}${table.slice(1)}`)
            .values(rows.slice(k, k + size))
            .execute();
        }
      }
    });
  }
  return performance.now() - t0;
}
