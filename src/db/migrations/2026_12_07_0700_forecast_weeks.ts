import type { Kysely } from 'kysely';

/**
 * `forecast_week`: the collections the hub's cash forecast expected for each past week, worked
 * out once (from the documents dated before the week's Monday) and kept, so that the backtest
 * scores the kept forecasts instead of rerunning the method over every cooperative's history for
 * every past week on each request. Keyed by the hub's `org_id`: a tenant table. Starts empty: the
 * first forecast after it fills the weeks. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forecast_week')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('forecast', 'bigint', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecast_week_pkey', ['org_id', 'week_start'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forecast_week').execute();
}
