/** Sembako Bahagia tables. Every row belongs to the sponsor organization (`orgId`). */
export interface SembakoProgramTable {
  orgId: string;
  id: string;
  name: string;
  hubId: string;
  ordersPerPeriod: number;
  createdAt: string;
}

export interface SembakoPeriodTable {
  orgId: string;
  programId: string;
  /** YYYY-MM */
  month: string;
  orderOpensAt: string;
  orderClosesAt: string;
  createdAt: string;
}

export interface SembakoPackageTable {
  orgId: string;
  id: string;
  programId: string;
  month: string;
  name: string;
  price: number;
  sponsorSubsidy: number;
}

export interface SembakoPackageItemTable {
  orgId: string;
  packageId: string;
  lineNo: number;
  productId: string;
  qty: number;
}

export interface SembakoParticipantTable {
  orgId: string;
  programId: string;
  nip: string;
  name: string;
  opd: string;
  phone: string | null;
  villageCode: string;
  pickupCooperativeId: string | null;
  payrollAuthRef: string | null;
  userId: string | null;
  activationCodeHash: string | null;
  activationIssuedAt: string | null;
  activatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type SembakoOrderStatus = 'ordered' | 'picked_up' | 'cancelled';
export interface SembakoOrderTable {
  orgId: string;
  id: string;
  programId: string;
  month: string;
  nip: string;
  packageId: string;
  qty: number;
  unitPrice: number;
  unitSubsidy: number;
  pickupCooperativeId: string;
  pickupCode: string;
  status: SembakoOrderStatus;
  contentHash: string;
  createdAt: string;
  cancelledAt: string | null;
  pickedUpAt: string | null;
  pickupDate: string | null;
  saleId: string | null;
}

export type DeductionStatus = 'berhasil' | 'gagal';
export interface SembakoDeductionTable {
  orgId: string;
  programId: string;
  month: string;
  nip: string;
  amountDue: number;
  amountDeducted: number;
  status: DeductionStatus;
  importedAt: string;
}

export interface SembakoSponsorPaymentTable {
  orgId: string;
  id: string;
  programId: string;
  month: string;
  amount: number;
  receivedOn: string;
  reference: string;
  contentHash: string;
  createdAt: string;
}

export interface SembakoSponsorShareTable {
  orgId: string;
  sponsorPaymentId: string;
  cooperativeId: string;
  amount: number;
  paymentId: string;
}

export interface SembakoTables {
  sembakoProgram: SembakoProgramTable;
  sembakoPeriod: SembakoPeriodTable;
  sembakoPackage: SembakoPackageTable;
  sembakoPackageItem: SembakoPackageItemTable;
  sembakoParticipant: SembakoParticipantTable;
  sembakoOrder: SembakoOrderTable;
  sembakoDeduction: SembakoDeductionTable;
  sembakoSponsorPayment: SembakoSponsorPaymentTable;
  sembakoSponsorShare: SembakoSponsorShareTable;
}
