import type { Db } from '../../db/database.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import { bookOf } from './book-reads.ts';
import { chartFor, findAccount, type AccountDef, type BookKind } from './chart-of-accounts.ts';
import { postJournalEntries } from './post-journal-entry.ts';
import {
  findLinesOfDocument,
  findManualEntry,
  findOrganizationKind,
  insertManualEntry,
} from './manual-entry.repository.ts';

export interface ManualLineInput {
  accountCode: string;
  debit: number;
  credit: number;
}

export interface ManualEntryInput {
  /** The client's id (uuid): the entry's document id, for idempotency. */
  id: string;
  date?: string;
  memo: string;
  lines: ManualLineInput[];
}

export interface ManualEntryView {
  id: string;
  date: string;
  memo: string;
  lines: { accountCode: string; accountName: string; debit: number; credit: number }[];
  totalDebit: number;
  totalCredit: number;
}

/** Who records into a book: the user's memberships. */
export interface Bookkeeper {
  memberships: { orgId: string; role: string }[];
}

/**
 * Who keeps an organization's books by hand: the manager of the cooperative
 * for its own books, a hub admin for the hub's own (a hub's admins do not
 * write a cooperative's books). Throws `Forbidden` otherwise.
 */
export function checkBookkeeperRight(who: Bookkeeper, org: { id: string; kind: string }): void {
  const role = org.kind === 'hub' ? 'hub_admin' : 'coop_manager';
  if (who.memberships.some((m) => m.orgId === org.id && m.role === role)) return;
  throw new DomainError('Forbidden', {
    message:
      org.kind === 'hub'
        ? 'Hanya admin hub yang mencatat jurnal hub'
        : 'Hanya pengurus (manajer) koperasi yang mencatat jurnal koperasinya',
    messageEn:
      org.kind === 'hub'
        ? "Only a hub admin records the hub's journal entries"
        : "Only the cooperative's manager records its journal entries",
  });
}

/** The book an organization keeps (`NotFound` for an unknown one or one that keeps none). */
export async function bookOfOrganization(db: Db, orgId: string): Promise<BookKind> {
  const kind = await findOrganizationKind(db, orgId);
  if (!kind)
    throw new DomainError('NotFound', {
      message: 'Organisasi tidak ditemukan',
      messageEn: 'Organization not found',
    });
  return bookOf({ kind });
}

/** An account of the book that is open to manual entries, or `AccountNotManual` naming it. */
export function manualAccount(book: BookKind, code: string, path: string): AccountDef {
  const account = findAccount(book, code);
  if (account?.manual && !account.byCounterparty) return account;
  throw new DomainError('AccountNotManual', {
    message: account
      ? `Akun ${code} ${account.name} dicatat oleh sistem, bukan dengan jurnal manual`
      : `Akun ${code} tidak ada dalam bagan akun`,
    messageEn: account
      ? `Account ${code} ${account.name} is kept by the system, not by manual entries`
      : `Account ${code} is not in the chart of accounts`,
    details: [
      {
        path,
        message: `akun ${code} tidak terbuka untuk jurnal manual`,
        messageEn: `account ${code} is not open to manual entries`,
      },
    ],
  });
}

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

/** The lines checked: one side each, accounts open to manual posting, debits equal to credits. */
function checkLines(book: BookKind, lines: ManualLineInput[]) {
  const errors: ErrorDetail[] = [];
  if (lines.length < 2)
    errors.push({
      path: '/lines',
      message: 'paling sedikit 2 baris',
      messageEn: 'must have at least 2 lines',
    });
  lines.forEach((l, i) => {
    const ok = (n: number) => Number.isSafeInteger(n) && n >= 0;
    if (!ok(l.debit) || !ok(l.credit) || l.debit > 0 === l.credit > 0)
      errors.push({
        path: `/lines/${i}`,
        message: 'isi debit atau kredit saja, rupiah bulat lebih dari 0',
        messageEn: 'exactly one of debit and credit must be a positive whole amount',
      });
  });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message:
        'Setiap baris jurnal diisi debit atau kredit saja (bilangan bulat), paling sedikit 2 baris',
      messageEn: 'Each line takes a debit or a credit (a whole amount), at least 2 lines',
      details: errors,
    });
  lines.forEach((l, i) => manualAccount(book, l.accountCode, `/lines/${i}/accountCode`));
  const totalDebit = lines.reduce((t, l) => t + l.debit, 0);
  const totalCredit = lines.reduce((t, l) => t + l.credit, 0);
  if (totalDebit !== totalCredit)
    throw new DomainError('UnbalancedEntry', {
      message: `Jurnal tidak seimbang: debit ${rp(totalDebit)}, kredit ${rp(totalCredit)}`,
      messageEn: `The entry does not balance: debit ${rp(totalDebit)}, credit ${rp(totalCredit)}`,
      details: [
        {
          path: '/lines',
          message: `debit ${rp(totalDebit)} ≠ kredit ${rp(totalCredit)}`,
          messageEn: `debit ${totalDebit} ≠ credit ${totalCredit}`,
        },
      ],
    });
}

async function viewOf(db: Db, orgId: string, book: BookKind, id: string): Promise<ManualEntryView> {
  const names = new Map(chartFor(book).map((a) => [a.code, a.name]));
  const rows = await findLinesOfDocument(db, orgId, 'manual_entry', id);
  const entry = await findManualEntry(db, orgId, id);
  const lines = rows.map((r) => ({
    accountCode: r.accountCode,
    accountName: names.get(r.accountCode) ?? r.accountCode,
    debit: Number(r.debit),
    credit: Number(r.credit),
  }));
  return {
    id,
    date: entry?.entryDate ?? rows[0]?.entryDate ?? '',
    memo: entry?.memo ?? rows[0]?.memo ?? '',
    lines,
    totalDebit: lines.reduce((t, l) => t + l.debit, 0),
    totalCredit: lines.reduce((t, l) => t + l.credit, 0),
  };
}

/**
 * A bookkeeper's own journal entry (expenses, opening balances, anything the
 * commands do not post): lines on accounts open to manual posting
 * (`AccountNotManual` otherwise), debits equal to credits (`UnbalancedEntry`),
 * dated `date` or today (WIB), posted as doc type `manual_entry` under the
 * client's id into the organization's book. Same id and content again → the
 * first entry (`created: false`); other content → `IdempotencyConflict`. A
 * date in a closed year is refused by the journal's lock.
 */
export async function recordJournalEntry(
  db: Db,
  ctx: CommandContext,
  orgId: string,
  input: ManualEntryInput,
): Promise<ManualEntryView & { created: boolean }> {
  const book = await bookOfOrganization(db, orgId);
  const memo = input.memo.trim();
  const errors: ErrorDetail[] = [];
  if (!isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a uuid' });
  if (!memo) errors.push({ path: '/memo', message: 'wajib diisi', messageEn: 'required' });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Jurnal tidak valid: keterangan wajib diisi',
      messageEn: 'Invalid entry: a memo is required',
      details: errors,
    });
  const lines = input.lines.map((l) => ({
    accountCode: l.accountCode,
    debit: l.debit,
    credit: l.credit,
  }));
  const hash = contentHash({ d: input.date ?? null, m: memo, l: lines });
  const existing = await findManualEntry(db, orgId, input.id);
  if (isReplay(existing, hash, 'Jurnal'))
    return { ...(await viewOf(db, orgId, book, input.id)), created: false };
  checkLines(book, lines);
  const date = businessDateOf(ctx, input.date);
  const now = ctx.clock.now();
  await insertManualEntry(db, {
    orgId,
    id: input.id,
    entryDate: date,
    memo,
    contentHash: hash,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now.toISOString(),
  });
  await postJournalEntries(
    db,
    [
      {
        orgId,
        book,
        date,
        docType: 'manual_entry',
        docId: input.id,
        memo,
        lines: lines.map((l) => ({ account: l.accountCode, debit: l.debit, credit: l.credit })),
      },
    ],
    now,
  );
  return { ...(await viewOf(db, orgId, book, input.id)), created: true };
}

/** An organization's chart of accounts, as the manual entry form and the books show it. */
export async function listAccounts(db: Db, orgId: string) {
  const book = await bookOfOrganization(db, orgId);
  return chartFor(book).map((a) => ({
    code: a.code,
    name: a.name,
    type: a.type,
    section: a.section,
    manual: a.manual && !a.byCounterparty,
    contra: !!a.contra,
  }));
}
