export interface StatementTable {
  orgId: string;
  id: string;
  /** The statement's human number, `TK/<hub code>/<YYYY>/<MM>/<NNNN>` (the month of its period end). */
  number: string;
  hubId: string;
  periodStart: string;
  periodEnd: string;
  openingBalance: number;
  salesAmount: number;
  shrinkageAmount: number;
  paymentsAmount: number;
  subsidyNettedAmount: number;
  closingBalance: number;
  dueDate: string;
  issuedAt: string;
}

export type PaymentChannel = 'cash' | 'transfer' | 'qris';
export interface PaymentTable {
  orgId: string;
  id: string;
  /** The receipt's human number, `PB/<hub code>/<YYYY>/<MM>/<NNNN>` (the month it was received). */
  number: string;
  hubId: string;
  amount: number;
  receivedOn: string;
  method: PaymentChannel;
  reference: string;
  contentHash: string;
  statementId: string | null;
  createdAt: string;
}

export interface SettlementTables {
  statement: StatementTable;
  payment: PaymentTable;
}
