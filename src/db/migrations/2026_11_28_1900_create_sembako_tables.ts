import { sql, type Kysely } from 'kysely';

/**
 * Sembako Bahagia: the city's staple-package program for its civil servants
 * (ASN), paid by payroll deduction and a sponsor subsidy. Every row belongs to
 * the sponsor organization (`org_id`, the Pemkot), so it leads each primary
 * key. Frozen once landed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sembako_program')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('orders_per_period', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_program_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint('sembako_program_org_id_fkey', ['org_id'], 'organization', ['id'])
    .addForeignKeyConstraint('sembako_program_hub_id_fkey', ['hub_id'], 'organization', ['id'])
    .addUniqueConstraint('sembako_program_org_id_name_uq', ['org_id', 'name'])
    .addCheckConstraint(
      'sembako_program_orders_per_period_chk',
      sql`orders_per_period between 1 and 31`,
    )
    .execute();

  await db.schema
    .createTable('sembako_period')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('order_opens_at', 'text', (c) => c.notNull())
    .addColumn('order_closes_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_period_pkey', ['org_id', 'program_id', 'month'])
    .addForeignKeyConstraint(
      'sembako_period_program_id_fkey',
      ['org_id', 'program_id'],
      'sembako_program',
      ['org_id', 'id'],
    )
    .addCheckConstraint('sembako_period_window_chk', sql`order_closes_at > order_opens_at`)
    .execute();

  await db.schema
    .createTable('sembako_package')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('sponsor_subsidy', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_package_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'sembako_package_period_fkey',
      ['org_id', 'program_id', 'month'],
      'sembako_period',
      ['org_id', 'program_id', 'month'],
    )
    .addUniqueConstraint('sembako_package_org_id_program_id_month_name_uq', [
      'org_id',
      'program_id',
      'month',
      'name',
    ])
    .addCheckConstraint(
      'sembako_package_amounts_chk',
      sql`price > 0 and sponsor_subsidy >= 0 and sponsor_subsidy <= price`,
    )
    .execute();

  await db.schema
    .createTable('sembako_package_item')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_package_item_pkey', ['org_id', 'package_id', 'line_no'])
    .addForeignKeyConstraint(
      'sembako_package_item_package_id_fkey',
      ['org_id', 'package_id'],
      'sembako_package',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint('sembako_package_item_product_id_fkey', ['product_id'], 'product', [
      'id',
    ])
    .addUniqueConstraint('sembako_package_item_org_id_package_id_product_id_uq', [
      'org_id',
      'package_id',
      'product_id',
    ])
    .addCheckConstraint('sembako_package_item_qty_chk', sql`qty > 0`)
    .execute();

  await db.schema
    .createTable('sembako_participant')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('opd', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('village_code', 'text', (c) => c.notNull())
    .addColumn('pickup_cooperative_id', 'text')
    .addColumn('payroll_auth_ref', 'text')
    .addColumn('user_id', 'text')
    .addColumn('activation_code_hash', 'text')
    .addColumn('activation_issued_at', 'text')
    .addColumn('activated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_participant_pkey', ['org_id', 'program_id', 'nip'])
    .addForeignKeyConstraint(
      'sembako_participant_program_id_fkey',
      ['org_id', 'program_id'],
      'sembako_program',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'sembako_participant_pickup_cooperative_id_fkey',
      ['pickup_cooperative_id'],
      'organization',
      ['id'],
    )
    .addForeignKeyConstraint('sembako_participant_user_id_fkey', ['user_id'], 'app_user', ['id'])
    .addCheckConstraint('sembako_participant_nip_chk', sql`length(nip) = 18`)
    .execute();
  await db.schema
    .createIndex('sembako_participant_user_id_idx')
    .on('sembako_participant')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('sembako_participant_org_id_program_id_opd_idx')
    .on('sembako_participant')
    .columns(['org_id', 'program_id', 'opd'])
    .execute();

  await db.schema
    .createTable('sembako_order')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('unit_subsidy', 'bigint', (c) => c.notNull())
    .addColumn('pickup_cooperative_id', 'text', (c) => c.notNull())
    .addColumn('pickup_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('picked_up_at', 'text')
    .addColumn('pickup_date', 'text')
    .addColumn('sale_id', 'text')
    .addPrimaryKeyConstraint('sembako_order_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'sembako_order_participant_fkey',
      ['org_id', 'program_id', 'nip'],
      'sembako_participant',
      ['org_id', 'program_id', 'nip'],
    )
    .addForeignKeyConstraint(
      'sembako_order_package_id_fkey',
      ['org_id', 'package_id'],
      'sembako_package',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'sembako_order_pickup_cooperative_id_fkey',
      ['pickup_cooperative_id'],
      'organization',
      ['id'],
    )
    .addUniqueConstraint('sembako_order_org_id_program_id_pickup_code_uq', [
      'org_id',
      'program_id',
      'pickup_code',
    ])
    .addCheckConstraint('sembako_order_qty_chk', sql`qty > 0`)
    .addCheckConstraint(
      'sembako_order_amounts_chk',
      sql`unit_price > 0 and unit_subsidy >= 0 and unit_subsidy <= unit_price`,
    )
    .addCheckConstraint(
      'sembako_order_status_chk',
      sql`status in ('ordered', 'picked_up', 'cancelled')`,
    )
    // A picked-up order carries its sale; an open one none.
    .addCheckConstraint(
      'sembako_order_picked_up_chk',
      sql`(status = 'picked_up') = (sale_id is not null and pickup_date is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('sembako_order_participant_idx')
    .on('sembako_order')
    .columns(['org_id', 'program_id', 'month', 'nip'])
    .execute();
  await db.schema
    .createIndex('sembako_order_cooperative_idx')
    .on('sembako_order')
    .columns(['org_id', 'program_id', 'month', 'pickup_cooperative_id'])
    .execute();

  await db.schema
    .createTable('sembako_deduction')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('amount_due', 'bigint', (c) => c.notNull())
    .addColumn('amount_deducted', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_deduction_pkey', ['org_id', 'program_id', 'month', 'nip'])
    .addForeignKeyConstraint(
      'sembako_deduction_participant_fkey',
      ['org_id', 'program_id', 'nip'],
      'sembako_participant',
      ['org_id', 'program_id', 'nip'],
    )
    .addCheckConstraint('sembako_deduction_status_chk', sql`status in ('berhasil', 'gagal')`)
    .addCheckConstraint(
      'sembako_deduction_amount_chk',
      sql`amount_due >= 0 and amount_deducted >= 0 and amount_deducted <= amount_due and (status = 'berhasil' or amount_deducted = 0)`,
    )
    .execute();

  await db.schema
    .createTable('sembako_sponsor_payment')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_sponsor_payment_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'sembako_sponsor_payment_period_fkey',
      ['org_id', 'program_id', 'month'],
      'sembako_period',
      ['org_id', 'program_id', 'month'],
    )
    .addCheckConstraint('sembako_sponsor_payment_amount_chk', sql`amount > 0`)
    .execute();

  await db.schema
    .createTable('sembako_sponsor_share')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('sponsor_payment_id', 'text', (c) => c.notNull())
    .addColumn('cooperative_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sembako_sponsor_share_pkey', [
      'org_id',
      'sponsor_payment_id',
      'cooperative_id',
    ])
    .addForeignKeyConstraint(
      'sembako_sponsor_share_sponsor_payment_id_fkey',
      ['org_id', 'sponsor_payment_id'],
      'sembako_sponsor_payment',
      ['org_id', 'id'],
    )
    .addForeignKeyConstraint(
      'sembako_sponsor_share_cooperative_id_fkey',
      ['cooperative_id'],
      'organization',
      ['id'],
    )
    .addCheckConstraint('sembako_sponsor_share_amount_chk', sql`amount > 0`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'sembako_sponsor_share',
    'sembako_sponsor_payment',
    'sembako_deduction',
    'sembako_order',
    'sembako_participant',
    'sembako_package_item',
    'sembako_package',
    'sembako_period',
    'sembako_program',
  ])
    await db.schema.dropTable(t).execute();
}
