import { sql, type Kysely } from 'kysely';

/**
 * The hub's allowance for expected credit losses on its consignment
 * receivables (CKPN, PSAK 71 simplified approach), one row per hub and
 * period end: the provision the matrix gave (`total`), the allowance before
 * it (`previous_total`) and the adjustment posted (`adjustment` = total −
 * previous_total; H: Dr Beban Kerugian Penurunan Nilai, Cr CKPN, or the
 * other way when it falls; doc type `credit_loss_provision`, doc id `id`).
 * `matrix` keeps the figures it came from (JSON).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credit_loss_provision')
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('previous_total', 'bigint', (c) => c.notNull())
    .addColumn('adjustment', 'bigint', (c) => c.notNull())
    .addColumn('matrix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('credit_loss_provision_pkey', ['hub_id', 'period_end'])
    .addUniqueConstraint('credit_loss_provision_hub_id_id_uq', ['hub_id', 'id'])
    .addCheckConstraint(
      'credit_loss_provision_adjustment_chk',
      sql`total >= 0 and adjustment = total - previous_total`,
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('credit_loss_provision').execute();
}
