import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * What the hub owes its suppliers. `supplier`: one row per hub and supplier
 * name (matched trimmed, case- and space-insensitively: `normalized_name`)
 * with its payment terms in days. `supplier_invoice`: one per goods receipt
 * (same id), amount = the receipt's total cost, due on receipt date + the
 * supplier's terms when it was received; `paid_amount` is kept with the
 * allocations (a reversed receipt is a cancelled invoice: read from its
 * `reversal`). `supplier_payment`: money paid to a supplier (H: Dr Utang
 * Usaha, Cr Bank or Kas; doc type `supplier_payment`), allocated oldest
 * invoice first in `supplier_payment_allocation`. Existing receipts become
 * invoices here (suppliers at the default 30 days).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supplier')
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('normalized_name', 'text', (c) => c.notNull())
    .addColumn('terms_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supplier_pkey', ['hub_id', 'id'])
    .addUniqueConstraint('supplier_hub_id_normalized_name_uq', ['hub_id', 'normalized_name'])
    .addCheckConstraint('supplier_terms_days_chk', sql`terms_days >= 0 and terms_days <= 365`)
    .execute();
  await db.schema
    .createTable('supplier_invoice')
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('invoice_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('paid_amount', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supplier_invoice_pkey', ['hub_id', 'id'])
    .addForeignKeyConstraint(
      'supplier_invoice_supplier_fkey',
      ['hub_id', 'supplier_id'],
      'supplier',
      ['hub_id', 'id'],
    )
    .addCheckConstraint(
      'supplier_invoice_amounts_chk',
      sql`amount >= 0 and paid_amount >= 0 and paid_amount <= amount`,
    )
    .execute();
  await db.schema
    .createIndex('supplier_invoice_hub_id_supplier_id_invoice_date_idx')
    .on('supplier_invoice')
    .columns(['hub_id', 'supplier_id', 'invoice_date'])
    .execute();
  await db.schema
    .createTable('supplier_payment')
    .addColumn('hub_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('bank_line_id', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supplier_payment_pkey', ['hub_id', 'id'])
    .addForeignKeyConstraint(
      'supplier_payment_supplier_fkey',
      ['hub_id', 'supplier_id'],
      'supplier',
      ['hub_id', 'id'],
    )
    .addCheckConstraint('supplier_payment_amount_chk', sql`amount > 0`)
    .addCheckConstraint('supplier_payment_method_chk', sql`method in ('transfer', 'cash')`)
    .execute();
  await db.schema
    .createTable('supplier_payment_allocation')
    .addColumn('hub_id', 'text', (c) => c.notNull())
    .addColumn('payment_id', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('supplier_payment_allocation_pkey', [
      'hub_id',
      'payment_id',
      'invoice_id',
    ])
    .addForeignKeyConstraint(
      'supplier_payment_allocation_payment_fkey',
      ['hub_id', 'payment_id'],
      'supplier_payment',
      ['hub_id', 'id'],
    )
    .addForeignKeyConstraint(
      'supplier_payment_allocation_invoice_fkey',
      ['hub_id', 'invoice_id'],
      'supplier_invoice',
      ['hub_id', 'id'],
    )
    .addCheckConstraint('supplier_payment_allocation_amount_chk', sql`amount > 0`)
    .execute();

  // Existing receipts become invoices, due 30 days after receipt (the default terms).
  // Aliases without underscores: the connection's CamelCasePlugin leaves them as they are.
  const receipts: {
    hub: string;
    id: string;
    number: string;
    supplier: string;
    day: string;
    total: number | string;
  }[] = await db
    .selectFrom('goods_receipt')
    .select([
      'org_id as hub',
      'id',
      'number',
      'supplier_name as supplier',
      'receipt_date as day',
      'total_cost as total',
    ])
    .orderBy('receipt_date')
    .orderBy('id')
    .execute();
  const now = new Date().toISOString();
  const suppliers = new Map<string, string>();
  for (const r of receipts) {
    const normalized = r.supplier.trim().replace(/\s+/g, ' ').toLowerCase();
    const key = `${r.hub}\u0000${normalized}`;
    let supplierId = suppliers.get(key);
    if (!supplierId) {
      supplierId = randomUUID();
      suppliers.set(key, supplierId);
      await db
        .insertInto('supplier')
        .values({
          hub_id: r.hub,
          id: supplierId,
          name: r.supplier.trim(),
          normalized_name: normalized,
          terms_days: 30,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const due = new Date(`${r.day}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 30);
    await db
      .insertInto('supplier_invoice')
      .values({
        hub_id: r.hub,
        id: r.id,
        supplier_id: supplierId,
        number: r.number,
        invoice_date: r.day,
        due_date: due.toISOString().slice(0, 10),
        amount: Number(r.total),
        paid_amount: 0,
        created_at: now,
      })
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supplier_payment_allocation').execute();
  await db.schema.dropTable('supplier_payment').execute();
  await db.schema.dropTable('supplier_invoice').execute();
  await db.schema.dropTable('supplier').execute();
}
