import type { Kysely } from 'kysely';

/**
 * `sale_day`: each cooperative's sales of one day with one hub, summed (how many, at the selling
 * price, at the consignment price). Kept by the one writer of sales (`insertSales`, in the sync's
 * transaction) and checked against the sales by `lumbung verify`; the hub's cash forecast reads a
 * network's charges by day from it instead of summing every sale. Its key leads with `org_id`: a
 * tenant table (docs/SCALING.md). Filled here from the sales already recorded. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sale_day')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('sale_date', 'text', (c) => c.notNull())
    .addColumn('sales', 'bigint', (c) => c.notNull())
    .addColumn('total_amount', 'bigint', (c) => c.notNull())
    .addColumn('consignment_amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_day_pkey', ['org_id', 'hub_id', 'sale_date'])
    .execute();
  // The hub's days from a date on, read from the index alone (the forecast's recent sales).
  await db.schema
    .createIndex('sale_day_hub_id_sale_date_idx')
    .on('sale_day')
    .columns(['hub_id', 'sale_date', 'org_id', 'consignment_amount'])
    .execute();
  await db
    .insertInto('sale_day')
    .columns(['org_id', 'hub_id', 'sale_date', 'sales', 'total_amount', 'consignment_amount'])
    .expression(
      db
        .selectFrom('sale')
        .select((eb) => [
          'org_id',
          'hub_id',
          'sale_date',
          eb.fn.countAll().as('sales'),
          eb.fn.sum('total_amount').as('total_amount'),
          eb.fn.sum('consignment_amount').as('consignment_amount'),
        ])
        .groupBy(['org_id', 'hub_id', 'sale_date']),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sale_day').execute();
}
