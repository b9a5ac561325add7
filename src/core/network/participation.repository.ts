import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { selectInChunks } from '../../db/id-lists.ts';
import type { ParticipationTable } from './network.table.ts';
import type { ParticipationTermsTable } from './participation-terms.table.ts';

/**
 * The SQL of versioned participation terms. Besides its own tables it reads
 * two facts of other modules' tables that bound a participation's end and
 * its changes (the last dispatch, the last granted subsidy): `consignment` and
 * `subsidy` depend on `network`, never the other way round, so those reads
 * live here rather than as imports.
 */

export async function insertParticipationTerms(db: Db, row: ParticipationTermsTable) {
  await db.insertInto('participationTerms').values(row).execute();
}

/** Replaces the version of that date (one not yet in force). */
export async function replaceParticipationTerms(db: Db, row: ParticipationTermsTable) {
  const { orgId, participationId, effectiveFrom, ...set } = row;
  await db
    .updateTable('participationTerms')
    .set(set)
    .where('orgId', '=', orgId)
    .where('participationId', '=', participationId)
    .where('effectiveFrom', '=', effectiveFrom)
    .execute();
}

export type TermsVersion = ParticipationTermsTable & { changedByName: string | null };

/** Every version of one participation's terms, oldest first, with the name of who made each. */
export async function findTermsVersions(
  db: Db,
  coopId: string,
  participationId: string,
): Promise<TermsVersion[]> {
  return db
    .selectFrom('participationTerms as t')
    .leftJoin('appUser as u', 'u.id', 't.changedBy')
    .selectAll('t')
    .select('u.name as changedByName')
    .where('t.orgId', '=', coopId)
    .where('t.participationId', '=', participationId)
    .orderBy('t.effectiveFrom')
    .execute();
}

/** Every version of the terms of these cooperatives' participations, oldest first. */
export async function findTermsOfCooperatives(
  db: Db,
  coopIds: string[],
): Promise<ParticipationTermsTable[]> {
  if (coopIds.length === 0) return [];
  return selectInChunks(coopIds, (ids) =>
    db
      .selectFrom('participationTerms')
      .selectAll()
      .where('orgId', 'in', ids)
      .orderBy('orgId')
      .orderBy('effectiveFrom')
      .execute(),
  );
}

/** Every version of the terms of a hub's participations, oldest first. */
export async function findTermsOfHub(db: Db, hubId: string): Promise<ParticipationTermsTable[]> {
  return db
    .selectFrom('participationTerms as t')
    .innerJoin('participation as p', (j) =>
      j.onRef('p.orgId', '=', 't.orgId').onRef('p.id', '=', 't.participationId'),
    )
    .selectAll('t')
    .where('p.hubId', '=', hubId)
    .orderBy('t.orgId')
    .orderBy('t.effectiveFrom')
    .execute();
}

/** Records the end of a participation: its end date, why, who and when. */
export async function updateParticipationEnd(
  db: Db,
  coopId: string,
  id: string,
  end: Pick<ParticipationTable, 'endDate' | 'endReason' | 'endedBy' | 'endedAt'>,
) {
  await db
    .updateTable('participation')
    .set(end)
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .execute();
}

/** The latest dispatch date of a delivery order to the cooperative, or null. */
export async function findLastDispatchDate(db: Db, coopId: string): Promise<string | null> {
  const row = await db
    .selectFrom('deliveryOrder')
    .select(sql<string | null>`max(dispatched_on)`.as('last'))
    .where('orgId', '=', coopId)
    .executeTakeFirst();
  return row?.last ?? null;
}

/** The latest month (`YYYY-MM`) in which the cooperative was granted a subsidy above zero, or null. */
export async function findLastGrantedMonth(db: Db, coopId: string): Promise<string | null> {
  const row = await db
    .selectFrom('subsidyGrant')
    .select(sql<string | null>`max(month)`.as('last'))
    .where('orgId', '=', coopId)
    .where('amount', '>', 0)
    .executeTakeFirst();
  return row?.last ?? null;
}
