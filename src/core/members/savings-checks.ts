import type { Db } from '../../db/database.ts';
import { formatRupiah } from '../shared/money.ts';
import type { SavingsKind } from './members.table.ts';
import { sumSavingsByCooperative } from './savings.repository.ts';
import { SAVINGS_ACCOUNT } from './savings-postings.ts';

/**
 * `lumbung verify`'s savings check: in each cooperative's books, 3101
 * Simpanan Pokok, 3102 Simpanan Wajib and 2102 Simpanan Sukarela (credit −
 * debit) equal Σ deposits − Σ withdrawals of its members' savings
 * transactions of that kind. `balances` are the cooperatives' account
 * balances.
 */
export async function findSavingsLedgerProblems(
  db: Db,
  balances: readonly { orgId: string; accountCode: string; debit: number; credit: number }[],
): Promise<string[]> {
  const kindOf = new Map(
    Object.entries(SAVINGS_ACCOUNT).map(([kind, code]) => [code, kind as SavingsKind]),
  );
  const books = new Map<string, number>();
  for (const b of balances) {
    const kind = kindOf.get(b.accountCode);
    if (!kind) continue;
    const k = `${b.orgId}|${kind}`;
    books.set(k, (books.get(k) ?? 0) + b.credit - b.debit);
  }
  const members = new Map(
    (await sumSavingsByCooperative(db)).map((r) => [`${r.orgId}|${r.kind}`, Number(r.net)]),
  );
  const problems: string[] = [];
  for (const k of [...new Set([...books.keys(), ...members.keys()])].sort()) {
    const inBooks = books.get(k) ?? 0;
    const saved = members.get(k) ?? 0;
    if (inBooks !== saved) {
      const [orgId, kind] = k.split('|') as [string, SavingsKind];
      problems.push(
        `${orgId}: account ${SAVINGS_ACCOUNT[kind]} (${kind}) ${formatRupiah(inBooks)} ≠ members' ${kind} savings ${formatRupiah(saved)}`,
      );
    }
  }
  return problems;
}
