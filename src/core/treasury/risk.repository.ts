import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { HUB } from '../ledger/index.ts';

/** Σ (debit − credit) per counterparty of one hub account, over entries dated after `from` up to `to`. */
export async function sumAccountBetween(
  db: Db,
  hubId: string,
  accountCode: string,
  range: { after?: string; upTo: string },
): Promise<Map<string, { debit: number; credit: number }>> {
  let q = db
    .selectFrom('journalLine')
    .select([
      'counterpartyOrgId',
      sql<number>`sum(debit)`.as('debit'),
      sql<number>`sum(credit)`.as('credit'),
    ])
    .where('orgId', '=', hubId)
    .where('accountCode', '=', accountCode)
    .where('entryDate', '<=', range.upTo);
  if (range.after) q = q.where('entryDate', '>', range.after);
  const rows = await q.groupBy('counterpartyOrgId').execute();
  return new Map(
    rows.map((r) => [r.counterpartyOrgId, { debit: Number(r.debit), credit: Number(r.credit) }]),
  );
}

/** Each cooperative's receivable (Piutang Konsinyasi, debit − credit) at the end of `asOf`. */
export async function receivablesAt(db: Db, hubId: string, asOf: string) {
  const rows = await sumAccountBetween(db, hubId, HUB.piutangKonsinyasi, { upTo: asOf });
  return new Map([...rows].map(([id, r]) => [id, r.debit - r.credit]));
}

/** Charges (debits of Piutang Konsinyasi: sales and shrinkage at k) per cooperative in the range. */
export async function chargesBetween(db: Db, hubId: string, after: string, upTo: string) {
  const rows = await sumAccountBetween(db, hubId, HUB.piutangKonsinyasi, { after, upTo });
  return new Map([...rows].map(([id, r]) => [id, r.debit]));
}
