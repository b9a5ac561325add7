import type { Db } from '../../db/database.ts';
import type { QrisMerchantTable } from './qris-merchant.table.ts';

/** The cooperative's QRIS merchant data, if it has any. */
export async function findQrisMerchant(
  db: Db,
  orgId: string,
): Promise<QrisMerchantTable | undefined> {
  return db.selectFrom('qrisMerchant').selectAll().where('orgId', '=', orgId).executeTakeFirst();
}

/** Inserts the cooperative's merchant data or replaces what it had. */
export async function upsertQrisMerchant(db: Db, row: QrisMerchantTable): Promise<void> {
  const { orgId: _orgId, ...changes } = row;
  await db
    .insertInto('qrisMerchant')
    .values(row)
    .onConflict((oc) => oc.column('orgId').doUpdateSet(changes))
    .execute();
}
