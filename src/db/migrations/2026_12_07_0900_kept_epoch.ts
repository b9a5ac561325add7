import type { Kysely } from 'kysely';

/**
 * `kept_epoch`: per organization, how often its kept views (`forecast_week`, and the month ends'
 * positions after it) were forgotten because a document dated before them was written; a view
 * worked out while that happened is not kept. Keyed by `org_id`: a tenant table. Starts empty (no
 * row counts as 0). The weeks kept before it, when a later document did not change a kept week,
 * are forgotten: the next forecast works them out again. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kept_epoch')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('kept_epoch_pkey', ['org_id'])
    .execute();
  await db.deleteFrom('forecast_week').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kept_epoch').execute();
}
