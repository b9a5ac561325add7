import type { Db } from '../../db/database.ts';
import { addDays } from '../shared/business-date.ts';
import { newId } from '../shared/ids.ts';
import {
  findSupplierByName,
  insertSupplier,
  insertSupplierInvoice,
} from './supplier.repository.ts';

/** Payment terms of a supplier seen for the first time (days after the receipt). */
export const DEFAULT_SUPPLIER_TERMS_DAYS = 30;

/** How a receipt's free-text supplier name finds its supplier: trimmed, single spaces, lower case. */
export function normalizeSupplierName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The supplier of this name at the hub, made (at the default terms) on first sight. */
export async function findOrCreateSupplier(db: Db, hubId: string, name: string, now: Date) {
  const normalizedName = normalizeSupplierName(name);
  const found = await findSupplierByName(db, hubId, normalizedName);
  if (found) return found;
  const row = {
    hubId,
    id: newId(),
    name: name.trim().replace(/\s+/g, ' '),
    normalizedName,
    termsDays: DEFAULT_SUPPLIER_TERMS_DAYS,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await insertSupplier(db, row);
  return row;
}

/**
 * A goods receipt becomes the supplier's invoice (same id and number): its
 * total cost, due on the receipt date + the supplier's terms in force now.
 * Called by the receipt in its own transaction.
 */
export async function openSupplierInvoice(
  db: Db,
  receipt: {
    hubId: string;
    id: string;
    number: string;
    supplierName: string;
    date: string;
    amount: number;
  },
  now: Date,
) {
  const supplier = await findOrCreateSupplier(db, receipt.hubId, receipt.supplierName, now);
  await insertSupplierInvoice(db, {
    hubId: receipt.hubId,
    id: receipt.id,
    supplierId: supplier.id,
    number: receipt.number,
    invoiceDate: receipt.date,
    dueDate: addDays(receipt.date, supplier.termsDays),
    amount: receipt.amount,
    paidAmount: 0,
    createdAt: now.toISOString(),
  });
}
