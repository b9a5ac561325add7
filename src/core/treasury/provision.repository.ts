import type { Db } from '../../db/database.ts';
import type { CreditLossProvisionTable } from './payables.table.ts';

export async function findProvision(db: Db, hubId: string, periodEnd: string) {
  return db
    .selectFrom('creditLossProvision')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('periodEnd', '=', periodEnd)
    .executeTakeFirst();
}

/** The latest provision posted (by period end). */
export async function findLatestProvision(db: Db, hubId: string) {
  return db
    .selectFrom('creditLossProvision')
    .selectAll()
    .where('hubId', '=', hubId)
    .orderBy('periodEnd', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertProvision(db: Db, row: CreditLossProvisionTable) {
  await db.insertInto('creditLossProvision').values(row).execute();
}
