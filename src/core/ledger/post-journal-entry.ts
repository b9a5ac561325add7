import type { Db } from '../../db/database.ts';
import { changesKept, forgetKeptFrom } from '../kept/index.ts';
import { wibDateOf } from '../shared/business-date.ts';
import { newId } from '../shared/ids.ts';
import { lockedDate } from './fiscal-year-lock.ts';
import { findLatestClosedYears } from './fiscal-year-lock.repository.ts';
import { checkJournalEntry, type JournalEntryInput } from './journal.ts';
import { addToAccountBalances, addToAccountMonths, insertJournal } from './journal.repository.ts';
import type {
  AccountBalanceTable,
  AccountMonthTable,
  JournalEntryTable,
  JournalLineTable,
} from './ledger.table.ts';

/**
 * The only writer of journal lines. Keeps: every entry balanced, one entry per
 * document and book (unique constraint), account balances and month totals
 * (`account_month`) equal to the sum of their lines (updated in the caller's
 * transaction). Closed years stay closed: an entry dated in one is refused or
 * moved past it ({@link lockedDate}). An entry in a hub's books dated in the past forgets what
 * was kept of the hub's past from its documents (`forgetKeptFrom`), before any balance row is
 * touched.
 */
export async function postJournalEntries(
  db: Db,
  inputs: JournalEntryInput[],
  now: Date,
): Promise<void> {
  const entries: JournalEntryTable[] = [];
  const lines: JournalLineTable[] = [];
  const deltas = new Map<string, AccountBalanceTable>();
  const months = new Map<string, AccountMonthTable>();
  const createdAt = now.toISOString();
  const closed = await findLatestClosedYears(db, [...new Set(inputs.map((i) => i.orgId))]);
  const today = wibDateOf(now);
  const earliest = new Map<string, string>();
  // The cooperatives of the hub's entries that change its kept views: the other hubs they take
  // part with read their documents too.
  const counterparties = new Map<string, Set<string>>();
  for (const i of inputs) {
    if (i.book !== 'hub') continue;
    const first = earliest.get(i.orgId);
    if (first === undefined || i.date < first) earliest.set(i.orgId, i.date);
    if (!changesKept(i.date, today)) continue;
    const ids = counterparties.get(i.orgId) ?? new Set<string>();
    for (const l of i.lines) if (l.counterpartyOrgId) ids.add(l.counterpartyOrgId);
    counterparties.set(i.orgId, ids);
  }
  for (const [orgId, date] of [...earliest].sort(([a], [b]) => (a < b ? -1 : 1)))
    await forgetKeptFrom(db, orgId, date, today, [...(counterparties.get(orgId) ?? [])]);
  for (const input of inputs) {
    const checked = checkJournalEntry(input);
    const entry = { ...checked, ...lockedDate(checked, closed.get(checked.orgId)) };
    if (entry.lines.length === 0) continue;
    const id = newId();
    entries.push({
      orgId: entry.orgId,
      id,
      entryDate: entry.date,
      docType: entry.docType,
      docId: entry.docId,
      memo: entry.memo,
      createdAt,
    });
    entry.lines.forEach((l, i) => {
      const counterpartyOrgId = l.counterpartyOrgId ?? '';
      const debit = l.debit ?? 0;
      const credit = l.credit ?? 0;
      lines.push({
        orgId: entry.orgId,
        entryDate: entry.date,
        entryId: id,
        lineNo: i + 1,
        accountCode: l.account,
        counterpartyOrgId,
        debit,
        credit,
      });
      const balance = {
        orgId: entry.orgId,
        accountCode: l.account,
        counterpartyOrgId,
        debit,
        credit,
      };
      addTo(deltas, `${entry.orgId}|${l.account}|${counterpartyOrgId}`, balance);
      const month = entry.date.slice(0, 7);
      addTo(months, `${entry.orgId}|${l.account}|${counterpartyOrgId}|${month}`, {
        ...balance,
        month,
      });
    });
  }
  await insertJournal(db, entries, lines);
  // Always in key order, so concurrent transactions lock balance rows in the same order (no deadlock).
  const inKeyOrder = <T>(rows: Map<string, T>) =>
    [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
  await addToAccountBalances(db, inKeyOrder(deltas));
  await addToAccountMonths(db, inKeyOrder(months));
}

/** Adds a line's debit and credit to the row of its key, starting the row with it. */
function addTo<T extends AccountBalanceTable>(rows: Map<string, T>, key: string, line: T): void {
  const row = rows.get(key);
  if (row) {
    row.debit += line.debit;
    row.credit += line.credit;
  } else rows.set(key, line);
}
