import type { Kysely } from 'kysely';

/**
 * Reversals: a posted document is undone by a reversing document of its own
 * (the client's id, a reason, a business date) whose journal entries and
 * stock moves carry `doc_type = 'reversal'` and its id. A document is
 * reversed at most once (`reversal_doc_type_doc_id_uq`, which also answers
 * two concurrent reversals). What a reversal changes on a cooperative's
 * statement is kept on it (`cooperative_id`, the four sums as they add to a
 * statement, negative) and it is billed on the next statement like any
 * document (`statement_id`). A sale keeps who recorded it (`recorded_by`),
 * so that a cashier may void their own sale of the day; sales recorded
 * before are nobody's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reversal')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reversal_date', 'text', (c) => c.notNull())
    .addColumn('org_ids', 'text', (c) => c.notNull())
    .addColumn('cooperative_id', 'text', (c) => c.references('organization.id'))
    .addColumn('sales_amount', 'bigint', (c) => c.notNull())
    .addColumn('shrinkage_amount', 'bigint', (c) => c.notNull())
    .addColumn('payments_amount', 'bigint', (c) => c.notNull())
    .addColumn('subsidy_netted_amount', 'bigint', (c) => c.notNull())
    .addColumn('statement_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reversal_pkey', ['id'])
    .addUniqueConstraint('reversal_doc_type_doc_id_uq', ['doc_type', 'doc_id'])
    .execute();
  await db.schema
    .createIndex('reversal_cooperative_id_statement_id_idx')
    .on('reversal')
    .columns(['cooperative_id', 'statement_id'])
    .execute();
  await db.schema.alterTable('sale').addColumn('recorded_by', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sale').dropColumn('recorded_by').execute();
  await db.schema.dropTable('reversal').execute();
}
