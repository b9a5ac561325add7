import { sql, type Kysely } from 'kysely';

/**
 * The hub's bank statements and their lines. `bank_statement`: one imported
 * file (its format, account, period and how many lines it brought).
 * `bank_line`: one movement of the hub's account, stored once however many
 * files carry it: its identity (`identity_key`) is the account, the date, the
 * signed amount in sen, the bank's reference and its order among identical
 * lines of the statement, unique per hub, so a second import of the same or
 * an overlapping file inserts nothing again. A line is `unmatched` until it
 * becomes a cooperative's payment or a supplier payment (`matched`, with
 * `target_kind`/`target_id`) or a hub user says it is neither (`dismissed`,
 * with the reason). `bank_demo_file`: the statement file the demo wrote for
 * its hub, served so that a newcomer can import it from the Bank screen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_statement')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('account_no', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('new_lines', 'integer', (c) => c.notNull())
    .addColumn('duplicates', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_statement_pkey', ['org_id', 'id'])
    .addCheckConstraint(
      'bank_statement_format_chk',
      sql`format in ('mt940', 'csv-bca', 'csv-mandiri', 'snap-json')`,
    )
    .execute();
  await db.schema
    .createTable('bank_line')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('account_no', 'text', (c) => c.notNull())
    .addColumn('line_date', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('amount_sen', 'bigint', (c) => c.notNull())
    .addColumn('bank_reference', 'text', (c) => c.notNull())
    .addColumn('occurrence', 'integer', (c) => c.notNull())
    .addColumn('remark', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cooperative_id', 'text')
    .addColumn('target_kind', 'text')
    .addColumn('target_id', 'text')
    .addColumn('dismiss_reason', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_line_pkey', ['org_id', 'id'])
    .addUniqueConstraint('bank_line_org_id_identity_key_uq', ['org_id', 'identity_key'])
    .addForeignKeyConstraint(
      'bank_line_statement_fkey',
      ['org_id', 'statement_id'],
      'bank_statement',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('bank_line_cooperative_id_fkey', ['cooperative_id'], 'organization', [
      'id',
    ])
    .addCheckConstraint('bank_line_direction_chk', sql`direction in ('credit', 'debit')`)
    .addCheckConstraint('bank_line_amount_chk', sql`amount_sen > 0`)
    .addCheckConstraint('bank_line_occurrence_chk', sql`occurrence >= 1`)
    .addCheckConstraint(
      'bank_line_status_chk',
      sql`(status = 'unmatched' and target_kind is null and dismiss_reason is null)
        or (status = 'matched' and target_kind in ('payment', 'supplier_payment') and target_id is not null)
        or (status = 'dismissed' and target_kind is null and dismiss_reason is not null)`,
    )
    .execute();
  await db.schema
    .createTable('bank_demo_file')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bank_demo_file_pkey', ['org_id'])
    .execute();
  await db.schema
    .createIndex('bank_line_org_id_status_line_date_idx')
    .on('bank_line')
    .columns(['org_id', 'status', 'line_date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_demo_file').execute();
  await db.schema.dropTable('bank_line').execute();
  await db.schema.dropTable('bank_statement').execute();
}
