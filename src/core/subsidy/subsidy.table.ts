export interface SubsidyRunTable {
  orgId: string;
  id: string;
  month: string;
  runDate: string;
  createdAt: string;
}

export type SubsidyGrantStatus = 'ineligible' | 'accrued' | 'paid' | 'netted';
export interface SubsidyGrantTable {
  orgId: string;
  id: string;
  hubId: string;
  runId: string;
  month: string;
  participationId: string;
  activeDays: number;
  daysInMonth: number;
  amount: number;
  eligible: number;
  reason: string | null;
  mode: 'payout' | 'net';
  status: SubsidyGrantStatus;
  grantedOn: string;
  settledOn: string | null;
  paidReference: string | null;
  statementId: string | null;
}

export interface SubsidyTables {
  subsidyRun: SubsidyRunTable;
  subsidyGrant: SubsidyGrantTable;
}
