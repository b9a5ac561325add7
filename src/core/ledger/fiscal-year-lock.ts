import type { DocType } from '../shared/doc-type.ts';
import { DomainError } from '../shared/errors.ts';

/**
 * The closed-year lock of the journal (used by `postJournalEntries`; imports
 * nothing of the ledger, so the ledger can import it). An entry dated on or
 * before the end of its organization's latest closed year is either refused
 * (a bookkeeper's own entries: they belong in the running year) or moved to
 * the first day after the closed year (everything that happened and must be
 * booked: a late offline sale, a payment entered late); the closing entry
 * itself is posted before its close row exists.
 */
const REFUSED: readonly DocType[] = [
  'manual_entry',
  'fixed_asset',
  'opening_balance',
  'depreciation',
];

/** An entry's date and memo under the lock, or `FiscalYearClosed`. */
export function lockedDate(
  entry: { date: string; docType: DocType; memo: string },
  closedYear: number | undefined,
): { date: string; memo: string } {
  if (closedYear === undefined || entry.date > `${closedYear}-12-31`) return entry;
  if (REFUSED.includes(entry.docType))
    throw new DomainError('FiscalYearClosed', {
      message: `Tahun buku ${closedYear} sudah ditutup; catat di tahun berjalan`,
      messageEn: `Fiscal year ${closedYear} is closed; record it in the running year`,
      details: [
        {
          path: '/date',
          message: `harus setelah 31 Desember ${closedYear}`,
          messageEn: `must be after ${closedYear}-12-31`,
        },
      ],
    });
  return {
    date: `${closedYear + 1}-01-01`,
    memo: `${entry.memo} (tahun buku ${closedYear} sudah ditutup)`,
  };
}
