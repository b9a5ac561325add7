export * from './chart-of-accounts.ts';
export { checkJournalEntry, InvariantViolation } from './journal.ts';
export type { JournalEntryInput, JournalLineInput } from './journal.ts';
export { postJournalEntries } from './post-journal-entry.ts';
export { findLatestClosedYears } from './fiscal-year-lock.repository.ts';
export type { FixedAssetTable } from './manual.table.ts';
export {
  findAccountBalances,
  findAccountBalanceDrift,
  findAccountMonthDrift,
  sumAccountUpTo,
  sumAccountTotalUpTo,
  type DebitCredit,
  findJournal,
  findJournalEntriesPage,
  findJournalLinesOfEntries,
  findUnbalancedEntries,
  sumJournalLines,
} from './journal.repository.ts';
export { formatHledgerJournal, type JournalRow } from './export-hledger.ts';
export {
  bookOf,
  getTrialBalance,
  listJournalEntries,
  type JournalEntryView,
  type OrganizationNames,
  type TrialBalance,
  type TrialBalanceAccount,
} from './book-reads.ts';
export {
  checkBookkeeperRight,
  listAccounts,
  recordJournalEntry,
  type Bookkeeper,
  type ManualEntryInput,
  type ManualEntryView,
} from './manual-entry.ts';
export {
  FIXED_ASSET_ACCOUNTS,
  listFixedAssets,
  registerFixedAsset,
  type FixedAssetInput,
  type FixedAssetView,
} from './fixed-asset.ts';
export { postDepreciation, type DepreciationResult } from './depreciation.ts';
export { findFixedAssets } from './manual-entry.repository.ts';
