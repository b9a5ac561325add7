import { sql, type Kysely } from 'kysely';

/**
 * Participation terms are versioned: each row of `participation_terms` holds
 * every term of a participation from its `effective_from` (a WIB business
 * date) until the next version; a document uses the version in force on its
 * own date. New term: the monthly sales potential (rupiah; the program's
 * Rp 200 juta until now). Every existing participation gets its first
 * version from its own row (from its start date, reason "Perjanjian awal").
 * The participation row stays the cooperative's lock row; it also records
 * who ended it, when and why. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participation_terms')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('participation_id', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('exposure_limit', 'bigint', (c) => c.notNull())
    .addColumn('monthly_subsidy', 'bigint', (c) => c.notNull())
    .addColumn('settlement_period', 'text', (c) => c.notNull())
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .addColumn('subsidy_mode', 'text', (c) => c.notNull())
    .addColumn('monthly_sales_potential', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participation_terms_pkey', [
      'org_id',
      'participation_id',
      'effective_from',
    ])
    .addForeignKeyConstraint(
      'participation_terms_participation_id_fkey',
      ['org_id', 'participation_id'],
      'participation',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'participation_terms_amounts_chk',
      sql`exposure_limit >= 0 and monthly_subsidy >= 0 and payment_terms_days >= 0 and grace_days >= 0 and monthly_sales_potential > 0`,
    )
    .addCheckConstraint(
      'participation_terms_settlement_period_chk',
      sql`settlement_period in ('weekly', 'monthly')`,
    )
    .addCheckConstraint(
      'participation_terms_subsidy_mode_chk',
      sql`subsidy_mode in ('payout', 'net')`,
    )
    .addCheckConstraint('participation_terms_reason_chk', sql`length(reason) > 0`)
    .execute();

  await sql`
    insert into participation_terms (
      org_id, participation_id, effective_from, exposure_limit, monthly_subsidy,
      settlement_period, payment_terms_days, grace_days, subsidy_mode,
      monthly_sales_potential, reason, changed_by, created_at
    )
    select org_id, id, start_date, exposure_limit, monthly_subsidy,
      settlement_period, payment_terms_days, grace_days, subsidy_mode,
      200000000, 'Perjanjian awal', null, created_at
    from participation
  `.execute(db);

  await db.schema.alterTable('participation').addColumn('end_reason', 'text').execute();
  await db.schema.alterTable('participation').addColumn('ended_by', 'text').execute();
  await db.schema.alterTable('participation').addColumn('ended_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participation').dropColumn('ended_at').execute();
  await db.schema.alterTable('participation').dropColumn('ended_by').execute();
  await db.schema.alterTable('participation').dropColumn('end_reason').execute();
  await db.schema.dropTable('participation_terms').execute();
}
