/** What happens to a deduction the payroll office reports as failed. */
export type FailedDeductionHandling = 'carry_forward' | 'collect_at_pickup';

/** Sembako Bahagia tables. Every row belongs to the sponsor organization (`orgId`). */
export interface SembakoProgramTable {
  orgId: string;
  id: string;
  name: string;
  hubId: string;
  ordersPerPeriod: number;
  failedDeductionHandling: FailedDeductionHandling;
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

/** Which sponsors' programs hold a NIP (keyed by the NIP: the activation's way to the roster rows). */
export interface SembakoNipDirectoryTable {
  nip: string;
  orgId: string;
  programId: string;
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

/** The signed surat kuasa potong gaji of a participant (its number is the participant's `payrollAuthRef`). */
export type ScanContentType = 'image/jpeg' | 'image/png' | 'application/pdf';
export interface SembakoPayrollAuthorizationTable {
  orgId: string;
  programId: string;
  nip: string;
  signedOn: string;
  contentType: ScanContentType;
  scan: Buffer;
  scanSize: number;
  recordedAt: string;
  recordedBy: string | null;
}

/**
 * A failed deduction of `month` carried forward: its line sits in the deduction file of the first
 * period after `failedIn` (the month whose payroll result reported it failed) until that file's
 * result reports it (`result`, `reportedIn`); a failure there carries it again (a new row).
 */
export interface SembakoDeductionCarryTable {
  orgId: string;
  programId: string;
  month: string;
  nip: string;
  failedIn: string;
  amount: number;
  result: DeductionStatus | null;
  reportedIn: string | null;
  reportedAt: string | null;
}

/** A failed deduction of `month` owed in cash at the next pickup at the cooperative holding its receivable. */
export interface SembakoCashDueTable {
  orgId: string;
  programId: string;
  month: string;
  nip: string;
  cooperativeId: string;
  amount: number;
  collectedOrderId: string | null;
  collectedOn: string | null;
}

export interface SembakoTables {
  sembakoProgram: SembakoProgramTable;
  sembakoPeriod: SembakoPeriodTable;
  sembakoPackage: SembakoPackageTable;
  sembakoPackageItem: SembakoPackageItemTable;
  sembakoParticipant: SembakoParticipantTable;
  sembakoNipDirectory: SembakoNipDirectoryTable;
  sembakoOrder: SembakoOrderTable;
  sembakoDeduction: SembakoDeductionTable;
  sembakoSponsorPayment: SembakoSponsorPaymentTable;
  sembakoSponsorShare: SembakoSponsorShareTable;
  sembakoPayrollAuthorization: SembakoPayrollAuthorizationTable;
  sembakoDeductionCarry: SembakoDeductionCarryTable;
  sembakoCashDue: SembakoCashDueTable;
}
