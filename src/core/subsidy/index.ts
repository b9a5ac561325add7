export type * from './subsidy.table.ts';
export { runMonthlySubsidy, markSubsidyPaid, type SubsidyItem } from './run-monthly-subsidy.ts';
export { markSubsidyRunPaid } from './mark-run-paid.ts';
export { proRataSubsidy, subsidyEligibility, OVERDUE_LIMIT_DAYS } from './subsidy-rules.ts';
export {
  findGrantsOfCooperative,
  findGrantsOfRun,
  findRunsOfHub,
  findSubsidyRun,
} from './subsidy.repository.ts';
export {
  getSubsidyRun,
  listCooperativeSubsidies,
  toSubsidyGrant,
  type SubsidyGrant,
  type SubsidyRunView,
} from './subsidy-grants.ts';
