import type { Db } from '../../db/database.ts';
import { HUB } from '../ledger/index.ts';
import { formatRupiah } from '../shared/money.ts';
import { findPaidAmountDrift, sumOpenPayablesPerHub } from './payables.repository.ts';

/**
 * For `lumbung verify`: each hub's Utang Usaha (credit − debit, from the
 * kept balances given) equals what its supplier invoices leave open (a
 * cancelled invoice counts minus what was paid on it), and each invoice's
 * paid amount equals the sum of its allocations.
 */
export async function findPayablesProblems(
  db: Db,
  hubs: { id: string; name: string }[],
  balances: { orgId: string; accountCode: string; debit: number; credit: number }[],
): Promise<string[]> {
  const open = await sumOpenPayablesPerHub(db);
  const problems: string[] = [];
  for (const hub of hubs) {
    const books = balances
      .filter((b) => b.orgId === hub.id && b.accountCode === HUB.utangUsaha)
      .reduce((t, b) => t + b.credit - b.debit, 0);
    const invoices = open.get(hub.id) ?? 0;
    if (books !== invoices)
      problems.push(
        `${hub.name}: Utang Usaha ${formatRupiah(books)} ≠ open supplier invoices ${formatRupiah(invoices)}`,
      );
  }
  for (const d of await findPaidAmountDrift(db))
    problems.push(
      `supplier invoice ${d.id}: paid ${formatRupiah(d.paidAmount)} ≠ allocations ${formatRupiah(Number(d.allocated))}`,
    );
  return problems;
}
