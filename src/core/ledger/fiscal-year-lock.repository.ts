import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * The latest closed year of each of some organizations: one query on the primary key per
 * organization, each routed to its tenant.
 */
export async function findLatestClosedYears(
  db: Db,
  orgIds: string[],
): Promise<Map<string, number>> {
  const years = new Map<string, number>();
  for (const orgId of new Set(orgIds)) {
    const row = await db
      .selectFrom('fiscalYearClose')
      .select(sql<number | null>`max(year)`.as('year'))
      .where('orgId', '=', orgId)
      .executeTakeFirst();
    if (row?.year != null) years.set(orgId, Number(row.year));
  }
  return years;
}
