/** A supplier of the hub, matched by its normalized name, with its payment terms. */
export interface SupplierTable {
  hubId: string;
  id: string;
  name: string;
  /** Trimmed, inner spaces single, lower case: how receipts' free-text names find it. */
  normalizedName: string;
  termsDays: number;
  createdAt: string;
  updatedAt: string;
}

/** What a goods receipt (same id) makes the hub owe its supplier; cancelled when the receipt is reversed. */
export interface SupplierInvoiceTable {
  hubId: string;
  id: string;
  supplierId: string;
  /** The receipt's number (BPB/…). */
  number: string;
  invoiceDate: string;
  dueDate: string;
  amount: number;
  /** Kept with the allocations: Σ allocation amounts of the invoice. */
  paidAmount: number;
  createdAt: string;
}

export interface SuppliersTables {
  supplier: SupplierTable;
  supplierInvoice: SupplierInvoiceTable;
}
