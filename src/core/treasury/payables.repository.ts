import { sql } from 'kysely';
import { engineOf } from '../../db/connection.ts';
import type { Db } from '../../db/database.ts';
import type { SupplierPaymentAllocationTable, SupplierPaymentTable } from './payables.table.ts';

export async function findSupplierById(db: Db, hubId: string, id: string) {
  return db
    .selectFrom('supplier')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findSuppliers(db: Db, hubId: string) {
  return db.selectFrom('supplier').selectAll().where('hubId', '=', hubId).orderBy('name').execute();
}

export async function updateSupplierTerms(
  db: Db,
  hubId: string,
  id: string,
  termsDays: number,
  now: string,
) {
  await db
    .updateTable('supplier')
    .set({ termsDays, updatedAt: now })
    .where('hubId', '=', hubId)
    .where('id', '=', id)
    .execute();
}

/** Invoices with their supplier's name and whether their receipt was reversed (cancelled). */
function invoicesQuery(db: Db, hubId: string) {
  return db
    .selectFrom('supplierInvoice as i')
    .innerJoin('supplier as s', (j) =>
      j.onRef('s.hubId', '=', 'i.hubId').onRef('s.id', '=', 'i.supplierId'),
    )
    .leftJoin('reversal as r', (j) =>
      j.on('r.docType', '=', 'goods_receipt').onRef('r.docId', '=', 'i.id'),
    )
    .select([
      'i.hubId',
      'i.id',
      'i.supplierId',
      's.name as supplierName',
      'i.number',
      'i.invoiceDate',
      'i.dueDate',
      'i.amount',
      'i.paidAmount',
      'i.createdAt',
      'r.reversalDate as cancelledOn',
    ])
    .where('i.hubId', '=', hubId);
}

export type SupplierInvoiceRow = Awaited<ReturnType<typeof findSupplierInvoices>>[number];

/** The hub's invoices, oldest first (by date, then number). */
export async function findSupplierInvoices(
  db: Db,
  hubId: string,
  filter: { supplierId?: string } = {},
) {
  let q = invoicesQuery(db, hubId);
  if (filter.supplierId) q = q.where('i.supplierId', '=', filter.supplierId);
  return q.orderBy('i.invoiceDate').orderBy('i.number').orderBy('i.id').execute();
}

/** A supplier's invoices, oldest first. */
export async function findInvoicesForSupplier(db: Db, hubId: string, supplierId: string) {
  return findSupplierInvoices(db, hubId, { supplierId });
}

/** A supplier, its row locked (PostgreSQL) so that two payments to it allocate one after the other. */
export async function lockSupplier(db: Db, hubId: string, id: string) {
  let q = db.selectFrom('supplier').selectAll().where('hubId', '=', hubId).where('id', '=', id);
  if (engineOf(db) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findSupplierPayment(db: Db, hubId: string, id: string) {
  return db
    .selectFrom('supplierPayment')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findPaymentAllocations(db: Db, hubId: string, paymentId: string) {
  return db
    .selectFrom('supplierPaymentAllocation')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('paymentId', '=', paymentId)
    .execute();
}

export async function insertSupplierPayment(
  db: Db,
  payment: SupplierPaymentTable,
  allocations: SupplierPaymentAllocationTable[],
) {
  await db.insertInto('supplierPayment').values(payment).execute();
  for (const a of allocations) {
    await db.insertInto('supplierPaymentAllocation').values(a).execute();
    await db
      .updateTable('supplierInvoice')
      .set({ paidAmount: sql`paid_amount + ${a.amount}` })
      .where('hubId', '=', a.hubId)
      .where('id', '=', a.invoiceId)
      .execute();
  }
}

/** Σ per hub of what its invoices say it owes (a cancelled invoice: minus what was paid on it). */
export async function sumOpenPayablesPerHub(db: Db) {
  const rows = await db
    .selectFrom('supplierInvoice as i')
    .leftJoin('reversal as r', (j) =>
      j.on('r.docType', '=', 'goods_receipt').onRef('r.docId', '=', 'i.id'),
    )
    .select([
      'i.hubId',
      sql<number>`sum(case when r.id is null then i.amount - i.paid_amount else -i.paid_amount end)`.as(
        'open',
      ),
    ])
    .groupBy('i.hubId')
    .execute();
  return new Map(rows.map((r) => [r.hubId, Number(r.open)]));
}

/** Invoices whose kept paid amount differs from the sum of their allocations. */
export async function findPaidAmountDrift(db: Db) {
  return db
    .selectFrom('supplierInvoice as i')
    .leftJoin('supplierPaymentAllocation as a', (j) =>
      j.onRef('a.hubId', '=', 'i.hubId').onRef('a.invoiceId', '=', 'i.id'),
    )
    .select([
      'i.hubId',
      'i.id',
      'i.paidAmount',
      sql<number>`coalesce(sum(a.amount), 0)`.as('allocated'),
    ])
    .groupBy(['i.hubId', 'i.id', 'i.paidAmount'])
    .having(sql<boolean>`i.paid_amount <> coalesce(sum(a.amount), 0)`)
    .execute();
}
