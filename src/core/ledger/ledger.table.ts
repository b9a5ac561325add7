import type { DocType } from '../shared/doc-type.ts';
export interface JournalEntryTable {
  orgId: string;
  id: string;
  entryDate: string;
  docType: DocType;
  docId: string;
  memo: string;
  createdAt: string;
}

/** A fact: one side of a journal entry. Exactly one of debit/credit is non-zero. */
export interface JournalLineTable {
  orgId: string;
  entryDate: string;
  entryId: string;
  lineNo: number;
  accountCode: string;
  /** '' when the account has no sub-ledger by counterparty. */
  counterpartyOrgId: string;
  debit: number;
  credit: number;
}

export interface AccountBalanceTable {
  orgId: string;
  accountCode: string;
  counterpartyOrgId: string;
  debit: number;
  credit: number;
}

/** Σ of a book's lines of one account and counterparty dated in one month (`YYYY-MM`). */
export interface AccountMonthTable extends AccountBalanceTable {
  month: string;
}

export interface LedgerTables {
  journalEntry: JournalEntryTable;
  journalLine: JournalLineTable;
  accountBalance: AccountBalanceTable;
  accountMonth: AccountMonthTable;
}
