import type { DocType } from '../shared/doc-type.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { DomainError } from '../shared/errors.ts';
import { byCooperativeCodes, chartFor, type BookKind } from './chart-of-accounts.ts';
import {
  findJournalEntriesPage,
  findJournalLinesOfEntries,
  sumJournalLines,
} from './journal.repository.ts';

/**
 * Names of organizations by id. The ledger keeps counterparties as ids only
 * and imports no other module: the caller answers names (the network does).
 */
export type OrganizationNames = (ids: string[]) => Promise<Map<string, string>>;

/** The book an organization keeps here: a hub's or a cooperative's; any other kind keeps none (NotFound). */
export function bookOf(org: { kind: string }): BookKind {
  if (org.kind === 'hub' || org.kind === 'cooperative') return org.kind;
  throw new DomainError('NotFound', {
    message: 'Organisasi ini tidak memiliki pembukuan',
    messageEn: 'This organization keeps no books here',
  });
}

/** A sub-ledger line's counterparty with its name; nothing for a line without one. */
function counterpartyOf(id: string, names: Map<string, string>) {
  return id ? { counterpartyOrgId: id, counterpartyName: names.get(id) ?? id } : {};
}

export interface TrialBalanceAccount {
  code: string;
  name: string;
  counterpartyOrgId?: string;
  counterpartyName?: string;
  debit: number;
  credit: number;
}

export interface TrialBalance {
  orgId: string;
  asOf: string | null;
  accounts: TrialBalanceAccount[];
  totalDebit: number;
  totalCredit: number;
}

/**
 * An organization's trial balance (neraca saldo) as of a date, from the
 * journal lines themselves: each account (and counterparty of a
 * sub-ledger) on its net side, accounts that net to zero left out. An
 * account kept per cooperative is one line, the sum of its cooperatives.
 */
export async function getTrialBalance(
  db: Db,
  orgId: string,
  book: BookKind,
  asOf: string | undefined,
  namesOf: OrganizationNames,
): Promise<TrialBalance> {
  const chart = new Map(chartFor(book).map((a) => [a.code, a.name]));
  const rows = await sumJournalLines(db, orgId, asOf, byCooperativeCodes(book));
  const names = await namesOf(rows.map((r) => r.counterpartyOrgId));
  const accounts = rows
    .map((r) => {
      const net = r.debit - r.credit;
      return {
        code: r.accountCode,
        name: chart.get(r.accountCode) ?? r.accountCode,
        ...counterpartyOf(r.counterpartyOrgId, names),
        debit: net > 0 ? net : 0,
        credit: net < 0 ? -net : 0,
      };
    })
    .filter((a) => a.debit !== 0 || a.credit !== 0);
  return {
    orgId,
    asOf: asOf ?? null,
    accounts,
    totalDebit: accounts.reduce((t, a) => t + a.debit, 0),
    totalCredit: accounts.reduce((t, a) => t + a.credit, 0),
  };
}

export interface JournalEntryView {
  id: string;
  date: string;
  documentType: string;
  documentId: string;
  memo: string;
  lines: {
    accountCode: string;
    accountName: string;
    counterpartyOrgId?: string;
    counterpartyName?: string;
    debit: number;
    credit: number;
  }[];
}

/**
 * A page of an organization's journal entries in a period, in date order,
 * each with its lines, account names and counterparties' names.
 */
export async function listJournalEntries(
  db: Db,
  orgId: string,
  book: BookKind,
  query: { from?: string; to?: string; docType?: DocType; cursor?: string; limit: number },
  namesOf: OrganizationNames,
): Promise<{ items: JournalEntryView[]; nextCursor?: string }> {
  const chart = new Map(chartFor(book).map((a) => [a.code, a.name]));
  const c = decodeCursor(query.cursor);
  const rows = await findJournalEntriesPage(db, orgId, {
    from: query.from,
    to: query.to,
    docType: query.docType,
    after: c ? { date: c[0], id: c[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = pageOf(rows, query.limit, (e) => [e.entryDate, e.id]);
  const lines = await findJournalLinesOfEntries(db, orgId, page.items);
  const names = await namesOf(lines.map((l) => l.counterpartyOrgId));
  return {
    ...page,
    items: page.items.map((e) => ({
      id: e.id,
      date: e.entryDate,
      documentType: e.docType,
      documentId: e.docId,
      memo: e.memo,
      lines: lines
        .filter((l) => l.entryId === e.id)
        .map((l) => ({
          accountCode: l.accountCode,
          accountName: chart.get(l.accountCode) ?? l.accountCode,
          ...counterpartyOf(l.counterpartyOrgId, names),
          debit: l.debit,
          credit: l.credit,
        })),
    })),
  };
}
