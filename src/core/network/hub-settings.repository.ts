import type { Db } from '../../db/database.ts';
import type { HubSettingTable } from './hub-settings.table.ts';

/** The hub's setting changes in force on or before the date, each key's latest first. */
export async function findHubSettingsUpTo(
  db: Db,
  hubId: string,
  date: string,
): Promise<Pick<HubSettingTable, 'key' | 'value' | 'effectiveFrom'>[]> {
  return db
    .selectFrom('hubSetting')
    .select(['key', 'value', 'effectiveFrom'])
    .where('orgId', '=', hubId)
    .where('effectiveFrom', '<=', date)
    .orderBy('key')
    .orderBy('effectiveFrom', 'desc')
    .execute();
}

/** Every change of the hub's settings, the latest effective date first, with the name of who made it. */
export async function findHubSettingHistory(db: Db, hubId: string) {
  return db
    .selectFrom('hubSetting as s')
    .leftJoin('appUser as u', 'u.id', 's.changedBy')
    .select([
      's.key',
      's.value',
      's.effectiveFrom',
      's.reason',
      's.changedBy',
      's.createdAt',
      'u.name as changedByName',
    ])
    .where('s.orgId', '=', hubId)
    .orderBy('s.effectiveFrom', 'desc')
    .orderBy('s.key')
    .execute();
}

/** Writes the changes; a change of a key from a date that already has one replaces it. */
export async function upsertHubSettings(db: Db, rows: HubSettingTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('hubSetting')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['orgId', 'key', 'effectiveFrom']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        reason: eb.ref('excluded.reason'),
        changedBy: eb.ref('excluded.changedBy'),
        createdAt: eb.ref('excluded.createdAt'),
      })),
    )
    .execute();
}
