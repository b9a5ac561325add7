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
  type CreditPosition,
  type StatementPosition,
} from './credit-position.ts';
export { findReceivable } from './receivable.ts';
export { recordPayment, type PaymentInput, type PaymentOptions } from './record-payment.ts';
export {
  closeSettlementPeriod,
  closeCooperativePeriod,
  isPeriodEnd,
} from './close-settlement-period.ts';
export {
  findStatementsOfCooperative,
  findStatementsOfCooperatives,
  findPaymentsOfCooperative,
  findStatementById,
  findStatementDocuments,
  sumCredits,
  sumCreditsOfCooperatives,
  sumStatementDocuments,
} from './settlement.repository.ts';
export { getNetworkPositions, daysPastDue, type CooperativePosition } from './network-position.ts';
