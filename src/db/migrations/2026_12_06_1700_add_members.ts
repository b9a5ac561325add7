import { sql, type Kysely } from 'kysely';

/**
 * A cooperative's own members and their savings. `member`: one row per
 * person and cooperative (one NIK per cooperative), numbered in the order
 * they joined (`member_no`, unique per cooperative); `role` marks the
 * officers (ketua, sekretaris, bendahara, pengawas). `savings_rule`: the
 * AD/ART's pokok and monthly wajib, dated. `savings_transaction`: each deposit
 * or withdrawal of a member's simpanan, posted in the cooperative's books
 * under doc type `savings` and its id. `wajib_bill`: what the monthly
 * billing asked of a member (once per member and month). A sale keeps the
 * member reference it was synced with in `member_discrepancy` when that was
 * no member of the cooperative (the sale is kept as a non-member sale); the
 * free-text member references of sales made before members existed move
 * there too. `officer.member_id` links an officer to the member it is.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_no', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('role', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_pkey', ['org_id', 'id'])
    .addUniqueConstraint('member_org_id_member_no_uq', ['org_id', 'member_no'])
    .addUniqueConstraint('member_org_id_nik_uq', ['org_id', 'nik'])
    .addCheckConstraint('member_status_chk', sql`status in ('active', 'left', 'deceased')`)
    .addCheckConstraint('member_gender_chk', sql`gender in ('L', 'P')`)
    .addCheckConstraint(
      'member_role_chk',
      sql`role is null or role in ('ketua', 'sekretaris', 'bendahara', 'pengawas')`,
    )
    .execute();
  await db.schema
    .createIndex('member_org_id_phone_idx')
    .on('member')
    .columns(['org_id', 'phone'])
    .execute();
  await db.schema
    .createTable('savings_rule')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('pokok', 'bigint', (c) => c.notNull())
    .addColumn('wajib_monthly', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('savings_rule_pkey', ['org_id', 'effective_from'])
    .addCheckConstraint('savings_rule_amounts_chk', sql`pokok >= 0 and wajib_monthly >= 0`)
    .execute();
  await db.schema
    .createTable('savings_transaction')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('tx_date', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('savings_transaction_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint('savings_transaction_member_fkey', ['org_id', 'member_id'], 'member', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('savings_transaction_kind_chk', sql`kind in ('pokok', 'wajib', 'sukarela')`)
    .addCheckConstraint(
      'savings_transaction_direction_chk',
      sql`direction in ('deposit', 'withdrawal')`,
    )
    .addCheckConstraint('savings_transaction_amount_chk', sql`amount > 0`)
    .addCheckConstraint(
      'savings_transaction_method_chk',
      sql`method in ('cash', 'qris', 'transfer', 'payroll')`,
    )
    .execute();
  await db.schema
    .createIndex('savings_transaction_org_id_member_id_tx_date_idx')
    .on('savings_transaction')
    .columns(['org_id', 'member_id', 'tx_date'])
    .execute();
  await db.schema
    .createTable('wajib_bill')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wajib_bill_pkey', ['org_id', 'member_id', 'month'])
    .addForeignKeyConstraint('wajib_bill_member_fkey', ['org_id', 'member_id'], 'member', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('wajib_bill_amount_chk', sql`amount >= 0`)
    .execute();
  await db.schema.alterTable('sale').addColumn('member_discrepancy', 'text').execute();
  // Before members existed a sale's member was free text: none names a member.
  await sql`update sale set member_discrepancy = member_id, member_id = null where member_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('sale_org_id_member_id_idx')
    .on('sale')
    .columns(['org_id', 'member_id'])
    .execute();
  await db.schema.alterTable('officer').addColumn('member_id', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('officer').dropColumn('member_id').execute();
  await db.schema.dropIndex('sale_org_id_member_id_idx').execute();
  await db.schema.alterTable('sale').dropColumn('member_discrepancy').execute();
  await db.schema.dropTable('wajib_bill').execute();
  await db.schema.dropTable('savings_transaction').execute();
  await db.schema.dropTable('savings_rule').execute();
  await db.schema.dropTable('member').execute();
}
