export type * from './settlement.table.ts';
export {
  allocateOldestFirst,
  ageBalance,
  agingBucket,
  type Aging,
  type BilledStatement,
} from './settlement-math.ts';
export {
  getCreditPosition,
  creditPositionOf,
  overdueOf,
  agingOf,
  standingOf,
  type CreditPosition,
  type Standing,
  type StatementPosition,
} from './credit-position.ts';
export { findReceivable } from './receivable.ts';
export { recordPayment, type PaymentInput, type PaymentOptions } from './record-payment.ts';
export { getPayTo, type PayTo } from './pay-to.ts';
export {
  closeSettlementPeriod,
  closeCooperativePeriod,
  isPeriodEnd,
} from './close-settlement-period.ts';
export {
  findStatementsOfCooperative,
  findStatementsOfCooperatives,
  findBilledStatementsOfCooperatives,
  findHubStatementsOf,
  billedByCooperative,
  type BilledStatementRow,
  findPaymentsOfCooperative,
  findStatementById,
  findStatementDocuments,
  sumCredits,
  sumCreditsOfCooperatives,
  sumCreditsOfCooperativesAtEach,
  sumStatementDocuments,
} from './settlement.repository.ts';
export {
  getNetworkPositions,
  getNetworkAging,
  listNetworkStatements,
  daysPastDue,
  type CooperativePosition,
  type NetworkAging,
  type NetworkStatement,
  type NetworkStatementFilter,
} from './network-position.ts';
export {
  findStatementAdjustments,
  withAdjustments,
  type StatementAdjustment,
} from './statement-adjustments.repository.ts';
export {
  closedStatementsOf,
  listCooperativePayments,
  listCooperativeStatements,
  toPayment,
  type ClosedStatement,
  type Payment,
  type StatementView,
} from './settlement-reads.ts';
