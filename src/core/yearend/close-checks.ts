import type { Db } from '../../db/database.ts';
import { formatRupiah } from '../shared/money.ts';
import { findClosesWithTotals, findEntriesAfterClose } from './close-checks.repository.ts';
import type { StoredAllocation } from './fiscal-year.ts';

/**
 * `lumbung verify`'s checks of closed years: the members' shares add up to
 * the closing entry's 2201 Utang SHU Anggota credit; the allocation adds up
 * to the SHU (nothing of a loss); no entry is dated in a closed year but
 * written after its close (the lock moves or refuses those).
 */
export async function findClosedYearProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (const c of await findClosesWithTotals(db)) {
    const what = `${c.orgId} ${c.year}`;
    if (Number(c.members) !== Number(c.payable))
      problems.push(
        `${what}: members' SHU ${formatRupiah(Number(c.members))} ≠ 2201 credit of the close ${formatRupiah(Number(c.payable))}`,
      );
    const allocated = (JSON.parse(c.allocation) as StoredAllocation[]).reduce(
      (t, a) => t + Number(a.amount),
      0,
    );
    if (allocated !== Math.max(0, Number(c.shu)))
      problems.push(
        `${what}: allocation ${formatRupiah(allocated)} ≠ SHU ${formatRupiah(Number(c.shu))}`,
      );
  }
  for (const e of await findEntriesAfterClose(db))
    problems.push(
      `${e.orgId}: entry ${e.id} (${e.docType}) dated ${e.entryDate} was written after ${e.year} was closed`,
    );
  return problems;
}
