export type * from './yearend.table.ts';
export * from './shu.types.ts';
export { checkShuRules, largestRemainder, splitShu, type ShuRulesBp } from './shu-allocation.ts';
export { profitAndLossOfPeriod, shuOfPeriod } from './shu-of-period.ts';
export { getShuRules, setShuRules, type ShuRulesInput } from './shu-rules.ts';
export { computeShu, previewShu } from './shu-preview.ts';
export { closeFiscalYear } from './close-fiscal-year.ts';
export { getFiscalYear, listFiscalYears, type FiscalYearItem } from './fiscal-year.ts';
export { distributeShu, type DistributionInput, type DistributionView } from './distribution.ts';
export type * from './statements.types.ts';
export { getFinancialStatements } from './statements.ts';
export { statementsPeriods, type StatementsPeriod } from './statements-period.ts';
export { classifyCashEntry, type CashActivity } from './statements-cash-flow.ts';
export type * from './rat-pack.types.ts';
export { getRatPack } from './rat-pack.ts';
export { ratPackXlsx, shuSheets, SHU_KEY_NAMES } from './rat-pack-sheets.ts';
export {
  periodLabels,
  statementsSheets,
  statementTables,
  type StatementRow,
  type StatementTable,
} from './statements-sheets.ts';
export { findClosedYearProblems } from './close-checks.ts';
