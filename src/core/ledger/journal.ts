import type { DocType } from '../shared/doc-type.ts';
import { DomainError } from '../shared/errors.ts';
import { findAccount, type BookKind } from './chart-of-accounts.ts';

export interface JournalLineInput {
  account: string;
  counterpartyOrgId?: string;
  debit?: number;
  credit?: number;
}

export interface JournalEntryInput {
  orgId: string;
  book: BookKind;
  date: string;
  docType: DocType;
  docId: string;
  memo: string;
  lines: JournalLineInput[];
}

/** Thrown when the code itself would break an invariant: a bug, never user input. */
export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

/**
 * Invariant: every entry balances (Σ debit = Σ credit), amounts are
 * non-negative safe integers, every account exists in the book's chart and a
 * counterparty is given exactly where the account keeps a sub-ledger, and on
 * every account kept per cooperative (`byCooperative`; a reversal's lines may
 * mirror older lines without one).
 * Returns the entry with zero lines removed.
 */
export function checkJournalEntry(entry: JournalEntryInput): JournalEntryInput {
  let debit = 0;
  let credit = 0;
  const lines: JournalLineInput[] = [];
  for (const line of entry.lines) {
    const d = line.debit ?? 0;
    const c = line.credit ?? 0;
    if (!Number.isSafeInteger(d) || !Number.isSafeInteger(c) || d < 0 || c < 0) {
      throw new InvariantViolation(
        `Journal line amounts must be non-negative integers (${entry.docType} ${entry.docId})`,
      );
    }
    if (d > 0 && c > 0)
      throw new InvariantViolation('A journal line is either a debit or a credit');
    const account = findAccount(entry.book, line.account);
    if (!account) throw new InvariantViolation(`Unknown ${entry.book} account ${line.account}`);
    if (account.byCooperative) {
      // A reversal mirrors lines posted before these accounts were kept per cooperative.
      if (!line.counterpartyOrgId && entry.docType !== 'reversal')
        throw new InvariantViolation(
          `Account ${line.account} is kept per cooperative: it needs the cooperative as counterparty`,
        );
    } else if (account.byCounterparty !== !!line.counterpartyOrgId) {
      throw new InvariantViolation(
        `Account ${line.account} ${account.byCounterparty ? 'needs' : 'takes no'} counterparty`,
      );
    }
    if (d === 0 && c === 0) continue;
    debit += d;
    credit += c;
    lines.push(line);
  }
  if (debit !== credit) {
    throw new InvariantViolation(
      `Unbalanced journal entry ${entry.docType} ${entry.docId}: debit ${debit} ≠ credit ${credit}`,
    );
  }
  if (!Number.isSafeInteger(debit))
    throw new DomainError('ValidationFailed', { message: 'Amount too large' });
  return { ...entry, lines };
}
