export interface StatementTable {
  orgId: string;
  id: string;
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
