import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TrainingEventTable, TrainingParticipantTable } from './training.table.ts';

export async function insertTrainingEvent(db: Db, row: TrainingEventTable): Promise<void> {
  await db.insertInto('trainingEvent').values(row).execute();
}

/** An event of one of the organizers, by id. */
export async function findTrainingEvent(
  db: Db,
  organizerIds: string[],
  id: string,
): Promise<TrainingEventTable | undefined> {
  if (organizerIds.length === 0) return undefined;
  return db
    .selectFrom('trainingEvent')
    .selectAll()
    .where('orgId', 'in', organizerIds)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The organizers' events, newest first, with how many officers were invited
 * and attended and from how many cooperatives (only `coopIds`, when given).
 */
export async function findTrainingEvents(db: Db, organizerIds: string[], coopIds?: string[]) {
  if (organizerIds.length === 0 || coopIds?.length === 0) return [];
  return db
    .selectFrom('trainingEvent as e')
    .leftJoin('trainingParticipant as p', (j) => {
      let on = j.onRef('p.orgId', '=', 'e.orgId').onRef('p.eventId', '=', 'e.id');
      if (coopIds) on = on.on('p.cooperativeId', 'in', coopIds);
      return on;
    })
    .select([
      'e.orgId',
      'e.id',
      'e.title',
      'e.eventDate',
      'e.venue',
      'e.organizerName',
      'e.materials',
      'e.createdAt',
      sql<number>`count(p.id)`.as('invited'),
      sql<number>`coalesce(sum(p.attended), 0)`.as('attended'),
      sql<number>`count(distinct p.cooperative_id)`.as('cooperatives'),
    ])
    .where('e.orgId', 'in', organizerIds)
    .groupBy([
      'e.orgId',
      'e.id',
      'e.title',
      'e.eventDate',
      'e.venue',
      'e.organizerName',
      'e.materials',
      'e.createdAt',
    ])
    .orderBy('e.eventDate', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** An event's participants with their cooperative's name and kecamatan (only `coopIds`, when given). */
export async function findTrainingParticipants(
  db: Db,
  orgId: string,
  eventId: string,
  coopIds?: string[],
) {
  if (coopIds?.length === 0) return [];
  let q = db
    .selectFrom('trainingParticipant as p')
    .innerJoin('organization as o', 'o.id', 'p.cooperativeId')
    .selectAll('p')
    .select(['o.name as cooperativeName', 'o.districtName'])
    .where('p.orgId', '=', orgId)
    .where('p.eventId', '=', eventId);
  if (coopIds) q = q.where('p.cooperativeId', 'in', coopIds);
  return q.orderBy('o.districtName').orderBy('o.name').orderBy('p.name').execute();
}

export async function insertTrainingParticipants(
  db: Db,
  rows: TrainingParticipantTable[],
): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('trainingParticipant')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateTrainingParticipant(
  db: Db,
  row: TrainingParticipantTable,
): Promise<void> {
  await db
    .updateTable('trainingParticipant')
    .set({
      cooperativeId: row.cooperativeId,
      name: row.name,
      position: row.position,
      attended: row.attended,
      preScore: row.preScore,
      postScore: row.postScore,
      updatedAt: row.updatedAt,
    })
    .where('orgId', '=', row.orgId)
    .where('eventId', '=', row.eventId)
    .where('id', '=', row.id)
    .execute();
}

/**
 * Per cooperative, over the organizers' events: officers invited, officers
 * trained (distinct names that attended at least once), and the sums and
 * counts of the attended officers' pre- and post-test scores.
 */
export async function sumTrainingByCooperative(db: Db, organizerIds: string[], coopIds: string[]) {
  if (organizerIds.length === 0 || coopIds.length === 0) return [];
  return db
    .selectFrom('trainingParticipant')
    .select([
      'cooperativeId',
      sql<number>`count(distinct name)`.as('invited'),
      sql<number>`count(distinct case when attended = 1 then name end)`.as('trained'),
      sql<number>`coalesce(sum(case when attended = 1 then pre_score end), 0)`.as('preSum'),
      sql<number>`count(case when attended = 1 then pre_score end)`.as('preCount'),
      sql<number>`coalesce(sum(case when attended = 1 then post_score end), 0)`.as('postSum'),
      sql<number>`count(case when attended = 1 then post_score end)`.as('postCount'),
    ])
    .where('orgId', 'in', organizerIds)
    .where('cooperativeId', 'in', coopIds)
    .groupBy('cooperativeId')
    .execute();
}
