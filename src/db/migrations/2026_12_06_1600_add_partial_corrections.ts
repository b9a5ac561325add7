import { sql, type Kysely } from 'kysely';

/**
 * Partial corrections. A refund (`sale_refund`, its lines per sale line)
 * gives a buyer back part of a sale: its stock moves and journal entries
 * carry `doc_type = 'sale_refund'` and its id; what it takes off the
 * cooperative's consignment charge (`consignment_amount`) is billed on the
 * statement of its own date (`statement_id`), like a reversal. A delivery
 * order's current receipt is posted under `receipt_id` (null: the order's own
 * id, as every receipt before this migration), so that a reversed receipt
 * can be received again under a new document id. A receipt correction
 * (`receipt_correction`, signed units per product) moves units found later
 * from the hub's loss to the store (+) or found missing later back (−), doc
 * type `receipt_correction`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sale_refund')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('refund_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('consignment_amount', 'bigint', (c) => c.notNull())
    .addColumn('cost_value', 'bigint', (c) => c.notNull())
    .addColumn('statement_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_refund_pkey', ['org_id', 'id'])
    .addCheckConstraint('sale_refund_method_chk', sql`method in ('cash', 'qris')`)
    .execute();
  await db.schema
    .createIndex('sale_refund_org_id_sale_id_idx')
    .on('sale_refund')
    .columns(['org_id', 'sale_id'])
    .execute();
  await db.schema
    .createTable('sale_refund_line')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('refund_id', 'text', (c) => c.notNull())
    .addColumn('sale_line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('consignment_amount', 'bigint', (c) => c.notNull())
    .addColumn('cost_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_refund_line_pkey', ['org_id', 'refund_id', 'sale_line_no'])
    .addCheckConstraint('sale_refund_line_qty_chk', sql`qty > 0`)
    .execute();
  await db.schema.alterTable('delivery_order').addColumn('receipt_id', 'text').execute();
  await db.schema
    .createTable('receipt_correction')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('delivery_order_id', 'text', (c) => c.notNull())
    .addColumn('receipt_id', 'text', (c) => c.notNull())
    .addColumn('correction_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_correction_pkey', ['org_id', 'id'])
    .execute();
  await db.schema
    .createIndex('receipt_correction_org_id_delivery_order_id_idx')
    .on('receipt_correction')
    .columns(['org_id', 'delivery_order_id'])
    .execute();
  await db.schema
    .createTable('receipt_correction_line')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('correction_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('receipt_correction_line_pkey', [
      'org_id',
      'correction_id',
      'product_id',
    ])
    .addCheckConstraint('receipt_correction_line_qty_chk', sql`qty <> 0`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('receipt_correction_line').execute();
  await db.schema.dropTable('receipt_correction').execute();
  await db.schema.alterTable('delivery_order').dropColumn('receipt_id').execute();
  await db.schema.dropTable('sale_refund_line').execute();
  await db.schema.dropTable('sale_refund').execute();
}
