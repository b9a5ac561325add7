import type { Db } from '../../db/database.ts';
import { HUB, findAccountBalances } from '../ledger/index.ts';

/** The hub's receivable from a cooperative (what it owes now), from the hub's kept account balance. */
export async function findReceivable(db: Db, hubId: string, coopId: string): Promise<number> {
  const rows = await findAccountBalances(db, hubId, {
    accountCode: HUB.piutangKonsinyasi,
    counterpartyOrgId: coopId,
  });
  return rows.reduce((t, r) => t + r.debit - r.credit, 0);
}
