import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Sembako Bahagia for real:
 * - the signed payroll-deduction authorization (surat kuasa potong gaji) of a participant: its
 *   number stays on the participant (`payroll_auth_ref`), the date it was signed and its scan or
 *   photo (JPEG, PNG or PDF, at most 2 MiB) in `sembako_payroll_authorization`, in the database
 *   itself so that every backup keeps it (BLOB on SQLite, BYTEA on PostgreSQL);
 * - what a program does with a deduction the payroll office reports as failed
 *   (`failed_deduction_handling`): carry it into the next month's deduction file
 *   (`sembako_deduction_carry`, one row per failure: the carried line sits in the file of the
 *   first period after `failed_in`) or collect it in cash at the participant's next pickup at the
 *   cooperative that holds the receivable (`sembako_cash_due`, one row per cooperative).
 * Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await sql`alter table sembako_program add column failed_deduction_handling text not null default 'carry_forward' constraint sembako_program_failed_deduction_handling_chk check (failed_deduction_handling in ('carry_forward', 'collect_at_pickup'))`.execute(
    db,
  );

  await db.schema
    .createTable('sembako_payroll_authorization')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('scan', sql.raw(binary), (c) => c.notNull())
    .addColumn('scan_size', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('sembako_payroll_authorization_pkey', ['org_id', 'program_id', 'nip'])
    .addForeignKeyConstraint(
      'sembako_payroll_authorization_participant_fkey',
      ['org_id', 'program_id', 'nip'],
      'sembako_participant',
      ['org_id', 'program_id', 'nip'],
    )
    .addCheckConstraint(
      'sembako_payroll_authorization_content_type_chk',
      sql`content_type in ('image/jpeg', 'image/png', 'application/pdf')`,
    )
    .addCheckConstraint(
      'sembako_payroll_authorization_scan_size_chk',
      sql`scan_size between 1 and 2097152`,
    )
    .execute();

  await db.schema
    .createTable('sembako_deduction_carry')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('failed_in', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('reported_in', 'text')
    .addColumn('reported_at', 'text')
    .addPrimaryKeyConstraint('sembako_deduction_carry_pkey', [
      'org_id',
      'program_id',
      'month',
      'nip',
      'failed_in',
    ])
    .addForeignKeyConstraint(
      'sembako_deduction_carry_deduction_fkey',
      ['org_id', 'program_id', 'month', 'nip'],
      'sembako_deduction',
      ['org_id', 'program_id', 'month', 'nip'],
    )
    .addCheckConstraint('sembako_deduction_carry_amount_chk', sql`amount > 0`)
    .addCheckConstraint(
      'sembako_deduction_carry_result_chk',
      sql`(result is null and reported_in is null and reported_at is null) or (result in ('berhasil', 'gagal') and reported_in > failed_in and reported_at is not null)`,
    )
    .addCheckConstraint('sembako_deduction_carry_failed_in_chk', sql`failed_in >= month`)
    .execute();

  await db.schema
    .createTable('sembako_cash_due')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('cooperative_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('collected_order_id', 'text')
    .addColumn('collected_on', 'text')
    .addPrimaryKeyConstraint('sembako_cash_due_pkey', [
      'org_id',
      'program_id',
      'month',
      'nip',
      'cooperative_id',
    ])
    .addForeignKeyConstraint(
      'sembako_cash_due_deduction_fkey',
      ['org_id', 'program_id', 'month', 'nip'],
      'sembako_deduction',
      ['org_id', 'program_id', 'month', 'nip'],
    )
    .addForeignKeyConstraint(
      'sembako_cash_due_cooperative_id_fkey',
      ['cooperative_id'],
      'organization',
      ['id'],
    )
    .addCheckConstraint('sembako_cash_due_amount_chk', sql`amount > 0`)
    .addCheckConstraint(
      'sembako_cash_due_collected_chk',
      sql`(collected_order_id is null) = (collected_on is null)`,
    )
    .execute();
  await db.schema
    .createIndex('sembako_cash_due_participant_idx')
    .on('sembako_cash_due')
    .columns(['org_id', 'program_id', 'nip', 'cooperative_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sembako_cash_due').execute();
  await db.schema.dropTable('sembako_deduction_carry').execute();
  await db.schema.dropTable('sembako_payroll_authorization').execute();
  await db.schema.alterTable('sembako_program').dropColumn('failed_deduction_handling').execute();
}
