import type { Db } from '../../db/database.ts';
import type { SupplierInvoiceTable, SupplierTable } from './suppliers.table.ts';

export async function findSupplierByName(db: Db, hubId: string, normalizedName: string) {
  return db
    .selectFrom('supplier')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('normalizedName', '=', normalizedName)
    .executeTakeFirst();
}

export async function insertSupplier(db: Db, row: SupplierTable) {
  await db.insertInto('supplier').values(row).execute();
}

export async function insertSupplierInvoice(db: Db, row: SupplierInvoiceTable) {
  await db.insertInto('supplierInvoice').values(row).execute();
}
