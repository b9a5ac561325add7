import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { ID_CHUNK, selectInChunks, sumInChunks } from '../../db/id-lists.ts';
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

/** An event's own columns: selected and grouped by. */
const EVENT_COLUMNS = [
  'e.orgId',
  'e.id',
  'e.title',
  'e.eventDate',
  'e.venue',
  'e.organizerName',
  'e.materials',
  'e.createdAt',
] as const;

/**
 * The organizers' events, newest first, with how many officers were invited
 * and attended and from how many cooperatives (only `coopIds`, when given).
 */
export async function findTrainingEvents(db: Db, organizerIds: string[], coopIds?: string[]) {
  if (organizerIds.length === 0 || coopIds?.length === 0) return [];
  const query = (ids?: string[]) =>
    db
      .selectFrom('trainingEvent as e')
      .leftJoin('trainingParticipant as p', (j) => {
        let on = j.onRef('p.orgId', '=', 'e.orgId').onRef('p.eventId', '=', 'e.id');
        if (ids) on = on.on('p.cooperativeId', 'in', ids);
        return on;
      })
      .select([
        ...EVENT_COLUMNS,
        sql<number>`count(p.id)`.as('invited'),
        sql<number>`coalesce(sum(p.attended), 0)`.as('attended'),
        sql<number>`count(distinct p.cooperative_id)`.as('cooperatives'),
      ])
      .where('e.orgId', 'in', organizerIds)
      .groupBy([...EVENT_COLUMNS])
      .orderBy('e.eventDate', 'desc')
      .orderBy('e.id', 'desc')
      .execute();
  if (!coopIds) return query();
  // Every chunk returns every event (a left join), in the same order; chunks
  // hold disjoint cooperatives, so their counts add up.
  return sumInChunks(
    coopIds,
    query,
    (r) => `${r.orgId} ${r.id}`,
    (a, b) => ({
      ...a,
      invited: Number(a.invited) + Number(b.invited),
      attended: Number(a.attended) + Number(b.attended),
      cooperatives: Number(a.cooperatives) + Number(b.cooperatives),
    }),
  );
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
  if (coopIds && coopIds.length <= ID_CHUNK) q = q.where('p.cooperativeId', 'in', coopIds);
  const rows = await q.orderBy('o.districtName').orderBy('o.name').orderBy('p.name').execute();
  if (!coopIds || coopIds.length <= ID_CHUNK) return rows;
  // A network too large for one statement's parameters: one event's participants, filtered here.
  const only = new Set(coopIds);
  return rows.filter((r) => only.has(r.cooperativeId));
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
  return selectInChunks(coopIds, (ids) =>
    db
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
      .where('cooperativeId', 'in', ids)
      .groupBy('cooperativeId')
      .execute(),
  );
}
