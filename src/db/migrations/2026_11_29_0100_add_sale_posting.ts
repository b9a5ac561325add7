import type { Kysely } from 'kysely';

/**
 * Sales are posted to the books as one summary entry per synced batch, per
 * business date and book (docType `sales_batch`). Each sale keeps the id of
 * the entry that carries it, so a journal line traces to its sales through
 * (org_id, sale_date, posting_id) on the existing (org_id, sale_date) index.
 * Sales posted before this migration keep their own entries (docType `sale`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sale').addColumn('posting_id', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sale').dropColumn('posting_id').execute();
}
