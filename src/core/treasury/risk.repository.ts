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

/**
 * Each cooperative's receivable at the end of each of `dates` (Σ of its lines dated up to each),
 * in one read of the hub's Piutang Konsinyasi: a conditional sum per date.
 */
export async function receivablesAtEach(
  db: Db,
  hubId: string,
  dates: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  return (await readReceivables(db, hubId, { at: dates, charges: [] })).at;
}

/**
 * One read of the hub's Piutang Konsinyasi (debit − credit per cooperative) for all of: the
 * receivable at the end of each of `at`, and the charges (its debits: sales and shrinkage at
 * the consignment price) in each range of `charges`, after `after` up to `upTo`. A
 * cooperative with lines but none in a range counts 0 there.
 */
export async function readReceivables(
  db: Db,
  hubId: string,
  want: { at: readonly string[]; charges: readonly { after: string; upTo: string }[] },
): Promise<{ at: Map<string, Map<string, number>>; charges: Map<string, number>[] }> {
  const at = new Map(want.at.map((d) => [d, new Map<string, number>()]));
  const charges = want.charges.map(() => new Map<string, number>());
  const days = [...want.at, ...want.charges.map((r) => r.upTo)];
  if (days.length === 0) return { at, charges };
  const latest = days.reduce((a, b) => (a > b ? a : b));
  const rows = (await db
    .selectFrom('journalLine')
    .select([
      'counterpartyOrgId',
      ...want.at.map((d, i) =>
        sql<number>`sum(case when entry_date <= ${d} then debit - credit else 0 end)`.as(`d${i}`),
      ),
      ...want.charges.map((r, i) =>
        sql<number>`sum(case when entry_date > ${r.after} and entry_date <= ${r.upTo} then debit else 0 end)`.as(
          `c${i}`,
        ),
      ),
    ])
    .where('orgId', '=', hubId)
    .where('accountCode', '=', HUB.piutangKonsinyasi)
    .where('entryDate', '<=', latest)
    .groupBy('counterpartyOrgId')
    .execute()) as unknown as ({ counterpartyOrgId: string } & Record<string, unknown>)[];
  for (const r of rows) {
    want.at.forEach((d, i) => at.get(d)!.set(r.counterpartyOrgId, Number(r[`d${i}`] ?? 0)));
    charges.forEach((m, i) => m.set(r.counterpartyOrgId, Number(r[`c${i}`] ?? 0)));
  }
  return { at, charges };
}
