export type BankFormat = 'mt940' | 'csv-bca' | 'csv-mandiri' | 'snap-json';
export type BankLineStatus = 'unmatched' | 'matched' | 'dismissed';
export type BankDirection = 'credit' | 'debit';
/** What a matched line became: a cooperative's payment, or the hub's payment to a supplier. */
export type BankTargetKind = 'payment' | 'supplier_payment';

/** One imported bank statement file of a hub (`org_id`). */
export interface BankStatementTable {
  orgId: string;
  id: string;
  format: BankFormat;
  accountNo: string;
  periodFrom: string | null;
  periodTo: string | null;
  /** sha-256 of the file's bytes. */
  fileHash: string;
  lineCount: number;
  newLines: number;
  duplicates: number;
  matched: number;
  createdBy: string | null;
  createdAt: string;
}

/** One movement of a hub's bank account, stored once (`identityKey` unique per hub). */
export interface BankLineTable {
  orgId: string;
  id: string;
  /** The statement that first brought the line. */
  statementId: string;
  /** account|date|d or c|amount in sen|bank reference|occurrence. */
  identityKey: string;
  accountNo: string;
  lineDate: string;
  direction: BankDirection;
  /** Exact, in sen (1/100 rupiah), > 0. */
  amountSen: number;
  bankReference: string;
  /** 1 for the first of identical lines (same account, date, amount, reference) in a statement. */
  occurrence: number;
  remark: string;
  status: BankLineStatus;
  cooperativeId: string | null;
  targetKind: BankTargetKind | null;
  targetId: string | null;
  dismissReason: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  createdAt: string;
}

/** The statement file the demo wrote for its hub (one per hub). */
export interface BankDemoFileTable {
  orgId: string;
  fileName: string;
  content: string;
  createdAt: string;
}

export interface BankStatementTables {
  bankStatement: BankStatementTable;
  bankLine: BankLineTable;
  bankDemoFile: BankDemoFileTable;
}
