export type SupplierPaymentMethod = 'transfer' | 'cash';
/** Money paid to a supplier: H: Dr Utang Usaha, Cr Bank (transfer) or Kas (cash). */
export interface SupplierPaymentTable {
  hubId: string;
  id: string;
  supplierId: string;
  amount: number;
  paidOn: string;
  method: SupplierPaymentMethod;
  reference: string | null;
  bankLineId: string | null;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}

export interface SupplierPaymentAllocationTable {
  hubId: string;
  paymentId: string;
  invoiceId: string;
  amount: number;
}

/** The CKPN set at a period end: the matrix's total and the adjustment posted. */
export interface CreditLossProvisionTable {
  hubId: string;
  periodEnd: string;
  id: string;
  total: number;
  previousTotal: number;
  adjustment: number;
  /** JSON of the provision matrix it came from. */
  matrix: string;
  createdBy: string | null;
  createdAt: string;
}

export interface PayablesTables {
  supplierPayment: SupplierPaymentTable;
  supplierPaymentAllocation: SupplierPaymentAllocationTable;
  creditLossProvision: CreditLossProvisionTable;
}
