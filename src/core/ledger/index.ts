export * from './chart-of-accounts.ts';
export { checkJournalEntry, InvariantViolation } from './journal.ts';
export type { JournalEntryInput, JournalLineInput } from './journal.ts';
export { postJournalEntries } from './post-journal-entry.ts';
export {
  findAccountBalances,
  findAccountBalanceDrift,
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
