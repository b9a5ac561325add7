import type { Kysely } from 'kysely';

/**
 * Indexes for the hub's reads of its network's payments and subsidy grants (the cash forecast and
 * the risk of the network overview), which otherwise scan each table: payments by hub, cooperative
 * and day; grants by hub and status (the payout lag, the grants not yet paid, the netted ones);
 * a cooperative's grants by status. Each carries the columns the read sums, so it is answered
 * from the index alone. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('payment_hub_id_idx')
    .on('payment')
    .columns(['hub_id', 'org_id', 'received_on', 'amount'])
    .execute();
  await db.schema
    .createIndex('subsidy_grant_hub_id_idx')
    .on('subsidy_grant')
    .columns(['hub_id', 'status', 'month', 'mode', 'settled_on', 'amount'])
    .execute();
  await db.schema
    .createIndex('subsidy_grant_org_id_status_idx')
    .on('subsidy_grant')
    .columns(['org_id', 'status', 'settled_on', 'amount'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('subsidy_grant_org_id_status_idx').execute();
  await db.schema.dropIndex('subsidy_grant_hub_id_idx').execute();
  await db.schema.dropIndex('payment_hub_id_idx').execute();
}
