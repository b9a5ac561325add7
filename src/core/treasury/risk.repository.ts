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

/**
 * Each cooperative's receivable at the end of each of `dates` (as {@link receivablesAt} on each),
 * in one read of the hub's Piutang Konsinyasi: a conditional sum per date.
 */
export async function receivablesAtEach(
  db: Db,
  hubId: string,
  dates: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map(dates.map((d) => [d, new Map<string, number>()]));
  if (dates.length === 0) return out;
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  const rows = (await db
    .selectFrom('journalLine')
    .select([
      'counterpartyOrgId',
      ...dates.map((d, i) =>
        sql<number>`sum(case when entry_date <= ${d} then debit - credit else 0 end)`.as(`d${i}`),
      ),
    ])
    .where('orgId', '=', hubId)
    .where('accountCode', '=', HUB.piutangKonsinyasi)
    .where('entryDate', '<=', latest)
    .groupBy('counterpartyOrgId')
    .execute()) as unknown as ({ counterpartyOrgId: string } & Record<string, unknown>)[];
  for (const r of rows)
    dates.forEach((d, i) => out.get(d)!.set(r.counterpartyOrgId, Number(r[`d${i}`] ?? 0)));
  return out;
}

/** Charges (debits of Piutang Konsinyasi: sales and shrinkage at k) per cooperative in the range. */
export async function chargesBetween(db: Db, hubId: string, after: string, upTo: string) {
  const rows = await sumAccountBetween(db, hubId, HUB.piutangKonsinyasi, { after, upTo });
  return new Map([...rows].map(([id, r]) => [id, r.debit]));
}
