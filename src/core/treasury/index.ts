export type * from './payables.table.ts';
export type * from './forecast.table.ts';
export {
  allocateToInvoices,
  recordSupplierPayment,
  setSupplierTerms,
  type SupplierPaymentInput,
  type SupplierPaymentResult,
} from './payables.ts';
export {
  getPayablesAging,
  listSupplierInvoices,
  type PayablesAging,
  type SupplierInvoiceStatus,
  type SupplierInvoiceView,
} from './payables-reads.ts';
export { findSuppliers } from './payables.repository.ts';
export { findPayablesProblems } from './payables-check.ts';
export type * from './bank-statement.table.ts';
export { importBankStatement, identityKeyOf, type BankImportResult } from './bank-import.ts';
export { claimBankLine, dismissBankLine, matchBankLine } from './bank-match.ts';
export {
  listBankLines,
  listBankStatements,
  toBankLineView,
  type BankLineView,
} from './bank-reads.ts';
export { countUnmatchedBankLines, releaseBankLineOf } from './bank-statement.repository.ts';
export { paymentReferencesIn } from './bank-reference.ts';
export {
  BANK_FILE_FORMATS,
  detectBankFormat,
  parseBankFile,
  type BankFileFormat,
  type ParsedLine,
  type ParsedStatement,
} from './parsers/index.ts';
export {
  findBankDemoFile,
  findFirstBankDemoFile,
  saveBankDemoFile,
} from './bank-statement.repository.ts';
export {
  getCashFlowForecast,
  type CashFlowForecast,
  type ForecastWeek,
} from './forecast.read-model.ts';
export type { Backtest, BacktestPoint } from './backtest.ts';
export { assessRisk, getRiskOverview, DSO_WINDOW_DAYS, type RiskOverview } from './risk.ts';
export { RISK_WINDOW_MONTHS } from './risk-history.ts';
export { LOSS_RATE_FLOORS } from './risk-math.ts';
export { postCreditLossProvision, type ProvisionResult } from './provision.ts';
export { EARLY_WARNING_DAYS, earlyWarningsOf, type EarlyWarning } from './risk-warning.ts';
