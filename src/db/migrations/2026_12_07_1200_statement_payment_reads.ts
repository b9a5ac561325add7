import type { Kysely } from 'kysely';

/**
 * Indexes for the reads of every participant's statements and credits (the network overview's
 * positions and payment behaviour): statements by cooperative and period end, payments by
 * cooperative and day. Each carries the columns the read takes, so it is answered from the index
 * alone, without a visit to each row. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('statement_org_id_period_end_idx')
    .on('statement')
    .columns([
      'org_id',
      'period_end',
      'hub_id',
      'id',
      'due_date',
      'sales_amount',
      'shrinkage_amount',
    ])
    .execute();
  await db.schema
    .createIndex('payment_org_id_received_on_idx')
    .on('payment')
    .columns(['org_id', 'received_on', 'amount'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('payment_org_id_received_on_idx').execute();
  await db.schema.dropIndex('statement_org_id_period_end_idx').execute();
}
