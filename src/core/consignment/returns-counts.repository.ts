import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DocumentPage } from './consignment.repository.ts';

/** The lists of a cooperative's returns (RTR) and stock counts (SO): the SQL of their read model. */

interface NumberFilter {
  /** A LIKE pattern on the number (`numberSearchPattern`). */
  numberLike?: string;
}

/** Rows after the cursor's (date, id), newest first. */
const before = (date: 'returnDate' | 'countDate', b: { date: string; id: string }) =>
  sql<boolean>`(${sql.ref(date)} < ${b.date} or (${sql.ref(date)} = ${b.date} and ${sql.ref('id')} < ${b.id}))`;

export async function findStockReturns(db: Db, coopId: string, f: DocumentPage & NumberFilter) {
  let q = db
    .selectFrom('stockReturn')
    .select(['id', 'number', 'returnDate', 'reason'])
    .select((eb) =>
      eb
        .selectFrom('stockReturnLine as l')
        .select((e) => e.fn.coalesce(e.fn.sum<number>('l.costValue'), e.lit(0)).as('v'))
        // The cooperative as a value too, so the lines are read in its tenant only.
        .where('l.orgId', '=', coopId)
        .whereRef('l.orgId', '=', 'stockReturn.orgId')
        .whereRef('l.returnId', '=', 'stockReturn.id')
        .as('value'),
    )
    .where('orgId', '=', coopId);
  if (f.numberLike !== undefined) q = q.where('number', 'like', f.numberLike);
  if (f.before) q = q.where(before('returnDate', f.before));
  const rows = await q.orderBy('returnDate', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, value: Number(r.value ?? 0) }));
}

export async function findStockCounts(db: Db, coopId: string, f: DocumentPage & NumberFilter) {
  let q = db
    .selectFrom('stockCount')
    .select(['id', 'number', 'countDate', 'shrinkageAmount'])
    .where('orgId', '=', coopId);
  if (f.numberLike !== undefined) q = q.where('number', 'like', f.numberLike);
  if (f.before) q = q.where(before('countDate', f.before));
  return q.orderBy('countDate', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Where each document's lines are, and which column says how many units. */
const LINES = {
  return: { table: 'stockReturnLine', doc: 'returnId', quantity: 'qty' },
  /** A count's line: its difference (counted − expected; negative = shortage). */
  count: { table: 'stockCountLine', doc: 'countId', quantity: 'variance' },
} as const;

/** The lines of returns or counts, with their product's name, in line order. */
export async function findDocumentLines(
  db: Db,
  kind: keyof typeof LINES,
  coopId: string,
  ids: string[],
) {
  if (ids.length === 0) return [];
  const { table, doc, quantity } = LINES[kind];
  // One query for both: typed as the return lines' table, using only the columns both tables have
  // (the document and quantity columns by name).
  return db
    .selectFrom(`${table} as l` as 'stockReturnLine as l')
    .innerJoin('product as p', 'p.id', 'l.productId')
    .select([
      sql.ref<string>(`l.${doc}`).as('documentId'),
      'l.productId',
      'p.name as productName',
      sql.ref<number>(`l.${quantity}`).as('quantity'),
    ])
    .where('l.orgId', '=', coopId)
    .where(sql.ref(`l.${doc}`), 'in', ids)
    .orderBy('l.lineNo')
    .execute();
}
