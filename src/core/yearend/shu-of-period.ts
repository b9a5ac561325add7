import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { COOP_CHART } from '../ledger/index.ts';

/** The cooperative's revenue and expense accounts: what SHU is made of. */
const PROFIT_AND_LOSS = COOP_CHART.filter((a) => a.type === 'pendapatan' || a.type === 'beban').map(
  (a) => a.code,
);

export interface ProfitAndLossLine {
  accountCode: string;
  counterpartyOrgId: string;
  /** Σ credit − Σ debit: positive for revenue, negative for expenses. */
  net: number;
}

/**
 * Σ credit − Σ debit per revenue and expense account of the journal lines
 * dated in [from, to], leaving out the closing entries (`fiscal_year_close`):
 * the year's figures the close takes to the SHU accounts.
 */
export async function profitAndLossOfPeriod(
  db: Db,
  orgId: string,
  from: string,
  to: string,
): Promise<ProfitAndLossLine[]> {
  const rows = await db
    .selectFrom('journalLine as l')
    .innerJoin('journalEntry as e', (j) =>
      j
        .onRef('e.orgId', '=', 'l.orgId')
        .onRef('e.id', '=', 'l.entryId')
        .onRef('e.entryDate', '=', 'l.entryDate'),
    )
    .select([
      'l.accountCode',
      'l.counterpartyOrgId',
      sql<number>`sum(l.credit) - sum(l.debit)`.as('net'),
    ])
    .where('l.orgId', '=', orgId)
    .where('l.entryDate', '>=', from)
    .where('l.entryDate', '<=', to)
    .where('l.accountCode', 'in', PROFIT_AND_LOSS)
    .where('e.docType', '<>', 'fiscal_year_close')
    .groupBy(['l.accountCode', 'l.counterpartyOrgId'])
    .orderBy('l.accountCode')
    .orderBy('l.counterpartyOrgId')
    .execute();
  return rows.map((r) => ({ ...r, net: Number(r.net) })).filter((r) => r.net !== 0);
}

/**
 * SHU of a period: Σ (revenue − expense) of the journal lines dated in
 * [from, to], closing entries left out (the income statement's figure).
 */
export async function shuOfPeriod(
  db: Db,
  orgId: string,
  from: string,
  to: string,
): Promise<number> {
  return (await profitAndLossOfPeriod(db, orgId, from, to)).reduce((t, l) => t + l.net, 0);
}
