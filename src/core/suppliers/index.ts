export type * from './suppliers.table.ts';
export {
  DEFAULT_SUPPLIER_TERMS_DAYS,
  findOrCreateSupplier,
  normalizeSupplierName,
  openSupplierInvoice,
} from './supplier-invoice.ts';
export { findSupplierByName } from './supplier.repository.ts';
