import { sql, type Kysely } from 'kysely';

/**
 * The consignment core: organizations, catalog, stock, books, documents.
 * Frozen once landed: never import app code here, never edit after landing.
 * Money columns are BIGINT (integer rupiah); dates are ISO text, so that both
 * engines sort and compare them the same way.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('village_code', 'text')
    .addColumn('village_name', 'text')
    .addColumn('district_code', 'text')
    .addColumn('district_name', 'text')
    .addColumn('regency_code', 'text')
    .addColumn('province_code', 'text')
    .addColumn('region_code', 'text')
    .addColumn('legal_number', 'text')
    .addColumn('nik_koperasi', 'text')
    .addColumn('npwp', 'text')
    .addColumn('bank_name', 'text')
    .addColumn('bank_account_no', 'text')
    .addColumn('bank_account_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organization_village_code_uq', ['village_code'])
    .addCheckConstraint(
      'organization_kind_chk',
      sql`kind in ('hub', 'cooperative', 'government', 'employer')`,
    )
    .addCheckConstraint(
      'organization_village_chk',
      sql`kind <> 'cooperative' or village_code is not null`,
    )
    .execute();

  await db.schema
    .createTable('officer')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addPrimaryKeyConstraint('officer_pkey', ['org_id', 'id'])
    .addCheckConstraint(
      'officer_role_chk',
      sql`role in ('ketua', 'sekretaris', 'bendahara', 'pengawas')`,
    )
    .execute();

  await db.schema
    .createTable('location')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('location_org_id_name_uq', ['org_id', 'name'])
    .addCheckConstraint(
      'location_kind_chk',
      sql`kind in ('warehouse', 'store', 'supplier', 'transit', 'customer', 'loss')`,
    )
    .execute();

  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('commodity', 'text', (c) => c.notNull())
    .addColumn('net_value', 'bigint', (c) => c.notNull())
    .addColumn('net_unit', 'text', (c) => c.notNull())
    .addColumn('net_milli', 'bigint', (c) => c.notNull())
    .addColumn('last_unit_cost', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('product_hub_id_sku_uq', ['hub_id', 'sku'])
    .addCheckConstraint('product_net_chk', sql`net_value > 0 and net_milli > 0`)
    .addCheckConstraint('product_net_unit_chk', sql`net_unit in ('g', 'kg', 'ml', 'l')`)
    .execute();

  await db.schema
    .createTable('price')
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_pkey', ['product_id', 'kind', 'effective_from'])
    .addCheckConstraint('price_kind_chk', sql`kind in ('consignment', 'retail')`)
    .addCheckConstraint('price_amount_chk', sql`amount >= 0`)
    .execute();

  await db.schema
    .createTable('commodity_ceiling')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commodity', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('base_unit', 'text', (c) => c.notNull())
    .addColumn('regulation_ref', 'text', (c) => c.notNull())
    .addUniqueConstraint('commodity_ceiling_commodity_province_code_effective_from_uq', [
      'commodity',
      'province_code',
      'effective_from',
    ])
    .addCheckConstraint('commodity_ceiling_amount_chk', sql`amount > 0`)
    .addCheckConstraint('commodity_ceiling_base_unit_chk', sql`base_unit in ('kg', 'l')`)
    .execute();

  await db.schema
    .createTable('participation')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('agreement_no', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('exposure_limit', 'bigint', (c) => c.notNull())
    .addColumn('monthly_subsidy', 'bigint', (c) => c.notNull())
    .addColumn('settlement_period', 'text', (c) => c.notNull())
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('grace_days', 'integer', (c) => c.notNull())
    .addColumn('subsidy_mode', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('participation_pkey', ['org_id', 'id'])
    .addUniqueConstraint('participation_org_id_hub_id_uq', ['org_id', 'hub_id'])
    .addCheckConstraint(
      'participation_terms_chk',
      sql`exposure_limit >= 0 and monthly_subsidy >= 0 and payment_terms_days >= 0 and grace_days >= 0`,
    )
    .addCheckConstraint(
      'participation_settlement_period_chk',
      sql`settlement_period in ('weekly', 'monthly')`,
    )
    .addCheckConstraint('participation_subsidy_mode_chk', sql`subsidy_mode in ('payout', 'net')`)
    .execute();

  await db.schema
    .createTable('goods_receipt')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('supplier_name', 'text', (c) => c.notNull())
    .addColumn('receipt_date', 'text', (c) => c.notNull())
    .addColumn('total_cost', 'bigint', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('goods_receipt_pkey', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('goods_receipt_line')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('receipt_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('unit_cost', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('goods_receipt_line_pkey', ['org_id', 'receipt_id', 'line_no'])
    .addForeignKeyConstraint(
      'goods_receipt_line_receipt_id_fkey',
      ['org_id', 'receipt_id'],
      'goods_receipt',
      ['org_id', 'id'],
    )
    .addCheckConstraint('goods_receipt_line_qty_chk', sql`qty > 0 and unit_cost >= 0`)
    .execute();

  await db.schema
    .createTable('delivery_order')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('order_date', 'text', (c) => c.notNull())
    .addColumn('dispatched_on', 'text')
    .addColumn('received_on', 'text')
    .addColumn('cancelled_on', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('delivery_order_pkey', ['org_id', 'id'])
    .addCheckConstraint(
      'delivery_order_status_chk',
      sql`status in ('draft', 'dispatched', 'received', 'cancelled')`,
    )
    .execute();
  await db.schema.createIndex('delivery_order_id_idx').on('delivery_order').column('id').execute();

  await db.schema
    .createTable('delivery_order_line')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('delivery_order_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('dispatch_value', 'bigint')
    .addColumn('qty_received', 'bigint')
    .addColumn('received_value', 'bigint')
    .addPrimaryKeyConstraint('delivery_order_line_pkey', ['org_id', 'delivery_order_id', 'line_no'])
    .addForeignKeyConstraint(
      'delivery_order_line_delivery_order_id_fkey',
      ['org_id', 'delivery_order_id'],
      'delivery_order',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'delivery_order_line_qty_chk',
      sql`qty > 0 and (qty_received is null or (qty_received >= 0 and qty_received <= qty))`,
    )
    .execute();

  await db.schema
    .createTable('statement')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('opening_balance', 'bigint', (c) => c.notNull())
    .addColumn('sales_amount', 'bigint', (c) => c.notNull())
    .addColumn('shrinkage_amount', 'bigint', (c) => c.notNull())
    .addColumn('payments_amount', 'bigint', (c) => c.notNull())
    .addColumn('subsidy_netted_amount', 'bigint', (c) => c.notNull())
    .addColumn('closing_balance', 'bigint', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('statement_pkey', ['org_id', 'id'])
    .addUniqueConstraint('statement_org_id_period_end_uq', ['org_id', 'period_end'])
    .addCheckConstraint('statement_period_chk', sql`period_start <= period_end`)
    .addCheckConstraint(
      'statement_closing_chk',
      sql`closing_balance = opening_balance + sales_amount + shrinkage_amount - payments_amount - subsidy_netted_amount`,
    )
    .execute();

  await db.schema
    .createTable('sale')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('sale_date', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('clock_skew', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('total_amount', 'bigint', (c) => c.notNull())
    .addColumn('consignment_amount', 'bigint', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text')
    .addPrimaryKeyConstraint('sale_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint('sale_statement_id_fkey', ['org_id', 'statement_id'], 'statement', [
      'org_id',
      'id',
    ])
    .addCheckConstraint(
      'sale_payment_method_chk',
      sql`payment_method in ('cash', 'qris', 'transfer', 'payroll')`,
    )
    .execute();
  await db.schema
    .createIndex('sale_org_id_sale_date_idx')
    .on('sale')
    .columns(['org_id', 'sale_date'])
    .execute();

  await db.schema
    .createTable('sale_line')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('sale_date', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('consignment_price', 'bigint', (c) => c.notNull())
    .addColumn('cost_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_line_pkey', ['org_id', 'sale_date', 'sale_id', 'line_no'])
    .addForeignKeyConstraint('sale_line_sale_id_fkey', ['org_id', 'sale_id'], 'sale', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('sale_line_qty_chk', sql`qty > 0 and unit_price >= 0`)
    .execute();

  await db.schema
    .createTable('stock_return')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('return_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_return_pkey', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('stock_return_line')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('return_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('cost_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_return_line_pkey', ['org_id', 'return_id', 'line_no'])
    .addForeignKeyConstraint(
      'stock_return_line_return_id_fkey',
      ['org_id', 'return_id'],
      'stock_return',
      ['org_id', 'id'],
    )
    .addCheckConstraint('stock_return_line_qty_chk', sql`qty > 0`)
    .execute();

  await db.schema
    .createTable('stock_count')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('counted_at', 'text', (c) => c.notNull())
    .addColumn('count_date', 'text', (c) => c.notNull())
    .addColumn('shrinkage_amount', 'bigint', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_count_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint(
      'stock_count_statement_id_fkey',
      ['org_id', 'statement_id'],
      'statement',
      ['org_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('stock_count_line')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('count_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('expected', 'bigint', (c) => c.notNull())
    .addColumn('counted', 'bigint', (c) => c.notNull())
    .addColumn('variance', 'bigint', (c) => c.notNull())
    .addColumn('charge_amount', 'bigint', (c) => c.notNull())
    .addColumn('cost_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_count_line_pkey', ['org_id', 'count_id', 'line_no'])
    .addForeignKeyConstraint(
      'stock_count_line_count_id_fkey',
      ['org_id', 'count_id'],
      'stock_count',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'stock_count_line_qty_chk',
      sql`counted >= 0 and variance = counted - expected and charge_amount >= 0`,
    )
    .execute();

  await db.schema
    .createTable('stock_discrepancy')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('recorded_qty', 'bigint', (c) => c.notNull())
    .addColumn('resolved_by_count_id', 'text')
    .addPrimaryKeyConstraint('stock_discrepancy_pkey', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('payment')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('statement_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_pkey', ['org_id', 'id'])
    .addForeignKeyConstraint('payment_statement_id_fkey', ['org_id', 'statement_id'], 'statement', [
      'org_id',
      'id',
    ])
    .addCheckConstraint('payment_amount_chk', sql`amount > 0`)
    .addCheckConstraint('payment_method_chk', sql`method in ('cash', 'transfer', 'qris')`)
    .execute();

  await db.schema
    .createTable('subsidy_run')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subsidy_run_pkey', ['org_id', 'id'])
    .addUniqueConstraint('subsidy_run_org_id_month_uq', ['org_id', 'month'])
    .execute();

  await db.schema
    .createTable('subsidy_grant')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('participation_id', 'text', (c) => c.notNull())
    .addColumn('active_days', 'integer', (c) => c.notNull())
    .addColumn('days_in_month', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('granted_on', 'text', (c) => c.notNull())
    .addColumn('settled_on', 'text')
    .addColumn('paid_reference', 'text')
    .addColumn('statement_id', 'text')
    .addPrimaryKeyConstraint('subsidy_grant_pkey', ['org_id', 'id'])
    .addUniqueConstraint('subsidy_grant_org_id_month_uq', ['org_id', 'month'])
    .addForeignKeyConstraint(
      'subsidy_grant_statement_id_fkey',
      ['org_id', 'statement_id'],
      'statement',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'subsidy_grant_status_chk',
      sql`status in ('ineligible', 'accrued', 'paid', 'netted')`,
    )
    .addCheckConstraint('subsidy_grant_amount_chk', sql`amount >= 0`)
    .execute();

  await db.schema
    .createTable('stock_move')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('move_date', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('from_location_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('to_location_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_move_pkey', ['org_id', 'move_date', 'id'])
    .addCheckConstraint('stock_move_qty_chk', sql`qty > 0`)
    .addCheckConstraint('stock_move_locations_chk', sql`from_location_id <> to_location_id`)
    .execute();

  await db.schema
    .createTable('stock_balance')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('location.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_balance_pkey', [
      'org_id',
      'location_id',
      'product_id',
      'owner_org_id',
    ])
    .execute();

  await db.schema
    .createTable('journal_entry')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_entry_pkey', ['org_id', 'id'])
    .addUniqueConstraint('journal_entry_org_id_doc_type_doc_id_uq', [
      'org_id',
      'doc_type',
      'doc_id',
    ])
    .execute();
  await db.schema
    .createIndex('journal_entry_org_id_entry_date_idx')
    .on('journal_entry')
    .columns(['org_id', 'entry_date'])
    .execute();

  await db.schema
    .createTable('journal_line')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('counterparty_org_id', 'text', (c) => c.notNull())
    .addColumn('debit', 'bigint', (c) => c.notNull())
    .addColumn('credit', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_line_pkey', ['org_id', 'entry_date', 'entry_id', 'line_no'])
    .addForeignKeyConstraint(
      'journal_line_entry_id_fkey',
      ['org_id', 'entry_id'],
      'journal_entry',
      ['org_id', 'id'],
    )
    .addCheckConstraint(
      'journal_line_amount_chk',
      sql`debit >= 0 and credit >= 0 and (debit = 0 or credit = 0) and debit + credit > 0`,
    )
    .execute();

  await db.schema
    .createTable('account_balance')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('counterparty_org_id', 'text', (c) => c.notNull())
    .addColumn('debit', 'bigint', (c) => c.notNull())
    .addColumn('credit', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_balance_pkey', [
      'org_id',
      'account_code',
      'counterparty_org_id',
    ])
    .execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('address', 'text')
    .addPrimaryKeyConstraint('audit_event_pkey', ['org_id', 'id'])
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('app_user_email_uq', ['email'])
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_pkey', ['user_id', 'org_id'])
    .addCheckConstraint(
      'membership_role_chk',
      sql`role in ('hub_admin', 'hub_staff', 'coop_manager', 'coop_cashier', 'gov_viewer', 'program_admin')`,
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'membership',
    'app_user',
    'audit_event',
    'account_balance',
    'journal_line',
    'journal_entry',
    'stock_balance',
    'stock_move',
    'subsidy_grant',
    'subsidy_run',
    'payment',
    'stock_discrepancy',
    'stock_count_line',
    'stock_count',
    'stock_return_line',
    'stock_return',
    'sale_line',
    'sale',
    'statement',
    'delivery_order_line',
    'delivery_order',
    'goods_receipt_line',
    'goods_receipt',
    'participation',
    'commodity_ceiling',
    'price',
    'product',
    'location',
    'officer',
    'organization',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
