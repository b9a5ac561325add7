import type { Kysely } from 'kysely';

/**
 * `position_month_end`: where the hub's participants stood at each past month end (their open
 * statements and overdue amounts), worked out once by the risk overview and kept, so that the
 * overview works out only today's positions on each request. Keyed by the hub's `org_id`: a tenant
 * table. Starts empty: the first risk overview after it fills the month ends. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('position_month_end')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('month_end', 'text', (c) => c.notNull())
    .addColumn('positions', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('position_month_end_pkey', ['org_id', 'month_end'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('position_month_end').execute();
}
