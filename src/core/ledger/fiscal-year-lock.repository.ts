import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** The latest closed year of each of some organizations (one query on the primary key). */
export async function findLatestClosedYears(
  db: Db,
  orgIds: string[],
): Promise<Map<string, number>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('fiscalYearClose')
    .select(['orgId', sql<number>`max(year)`.as('year')])
    .where('orgId', 'in', orgIds)
    .groupBy('orgId')
    .execute();
  return new Map(rows.map((r) => [r.orgId, Number(r.year)]));
}
