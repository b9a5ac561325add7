import type { Db } from '../../db/database.ts';
import { insertMany } from '../../db/batch.ts';
import type { SubsidyGrantTable, SubsidyRunTable } from './subsidy.table.ts';

export async function findSubsidyRun(db: Db, hubId: string, month: string) {
  return db
    .selectFrom('subsidyRun')
    .selectAll()
    .where('orgId', '=', hubId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/**
 * Inserts the month's run unless the hub has one for that month already. On PostgreSQL a run of
 * the same month inserted by a transaction still open makes this wait for its end, then insert
 * nothing: the caller reads the run that won.
 */
export async function insertSubsidyRunIfAbsent(db: Db, row: SubsidyRunTable) {
  await db
    .insertInto('subsidyRun')
    .values(row)
    .onConflict((oc) => oc.columns(['orgId', 'month']).doNothing())
    .execute();
}

export async function insertSubsidyGrants(db: Db, rows: SubsidyGrantTable[]) {
  await insertMany(db, 'subsidyGrant', rows);
}

export async function findGrantsOfRun(db: Db, hubId: string, runId: string) {
  return db
    .selectFrom('subsidyGrant')
    .selectAll()
    .where('hubId', '=', hubId)
    .where('runId', '=', runId)
    .orderBy('orgId')
    .execute();
}

export async function findGrant(db: Db, coopId: string, month: string) {
  return db
    .selectFrom('subsidyGrant')
    .selectAll()
    .where('orgId', '=', coopId)
    .where('month', '=', month)
    .executeTakeFirst();
}

/** Whether a grant was reversed (corrections' `reversal` row): it is then never paid. */
export async function isGrantReversed(db: Db, grantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('reversal')
    .select('id')
    .where('docType', '=', 'subsidy_grant')
    .where('docId', '=', grantId)
    .executeTakeFirst();
  return !!row;
}

export async function findGrantsOfCooperative(db: Db, coopId: string) {
  return db
    .selectFrom('subsidyGrant')
    .selectAll()
    .where('orgId', '=', coopId)
    .orderBy('month')
    .execute();
}

export async function updateGrant(
  db: Db,
  coopId: string,
  id: string,
  set: Partial<SubsidyGrantTable>,
) {
  await db
    .updateTable('subsidyGrant')
    .set(set)
    .where('orgId', '=', coopId)
    .where('id', '=', id)
    .execute();
}

export async function findRunsOfHub(db: Db, hubId: string) {
  return db
    .selectFrom('subsidyRun')
    .selectAll()
    .where('orgId', '=', hubId)
    .orderBy('month', 'desc')
    .execute();
}
