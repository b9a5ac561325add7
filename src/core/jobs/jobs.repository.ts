import type { Db } from '../../db/database.ts';
import type { JobRunTable, JobStatus, JobTable } from './jobs.table.ts';

/** Adds the rows of jobs that have none yet, due at the given instants; existing rows stay as they are. */
export async function insertMissingJobs(
  db: Db,
  jobs: { name: string; nextRunAt: string }[],
): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .insertInto('job')
    .values(jobs.map((j) => ({ name: j.name, nextRunAt: j.nextRunAt })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

export async function findJobs(db: Db): Promise<JobTable[]> {
  return db.selectFrom('job').selectAll().orderBy('name').execute();
}

export async function findJob(db: Db, name: string): Promise<JobTable | undefined> {
  return db.selectFrom('job').selectAll().where('name', '=', name).executeTakeFirst();
}

/**
 * Takes the job's lease for `owner` until `until` in ONE conditional UPDATE:
 * only if nobody holds it (or the holder's lease lapsed before `now`) and,
 * with `dueOnly`, only if the job is due. Whatever the engine and however
 * many processes ask at once, at most one UPDATE changes the row (PostgreSQL
 * re-checks the condition on the row another transaction just changed;
 * SQLite writes one at a time): true for the one that did.
 */
export async function takeJobLease(
  db: Db,
  name: string,
  lease: { owner: string; now: string; until: string; dueOnly: boolean },
): Promise<boolean> {
  let q = db
    .updateTable('job')
    .set({ leaseOwner: lease.owner, leaseUntil: lease.until })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', lease.now)]));
  if (lease.dueOnly) q = q.where('nextRunAt', '<=', lease.now);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Extends the lease while the job runs; false if `owner` no longer holds it. */
export async function renewJobLease(
  db: Db,
  name: string,
  owner: string,
  until: string,
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({ leaseUntil: until })
    .where('name', '=', name)
    .where('leaseOwner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Records a finished run: its history row, and on the job the last run, when
 * it is due next, and the lease let go — the latter only if `owner` still
 * holds it (false otherwise: the lease lapsed and another runner took it).
 */
export async function recordJobRun(
  db: Db,
  run: JobRunTable,
  owner: string,
  nextRunAt: string | undefined,
): Promise<boolean> {
  await db.insertInto('jobRun').values(run).execute();
  const r = await db
    .updateTable('job')
    .set({
      leaseOwner: null,
      leaseUntil: null,
      lastStartedAt: run.startedAt,
      lastFinishedAt: run.finishedAt,
      lastStatus: run.status,
      lastResult: run.result,
      ...(nextRunAt ? { nextRunAt } : {}),
    })
    .where('name', '=', run.jobName)
    .where('leaseOwner', '=', owner)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The latest run of each job named. */
export async function findLatestRuns(db: Db, names: string[]): Promise<Map<string, JobRunTable>> {
  const out = new Map<string, JobRunTable>();
  for (const name of names) {
    const run = await db
      .selectFrom('jobRun')
      .selectAll()
      .where('jobName', '=', name)
      .orderBy('startedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (run) out.set(name, run);
  }
  return out;
}

/** The statuses of a job's latest runs, newest first. */
export async function findRecentStatuses(
  db: Db,
  name: string,
  limit: number,
): Promise<JobStatus[]> {
  const rows = await db
    .selectFrom('jobRun')
    .select('status')
    .where('jobName', '=', name)
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.status);
}

/** The end of each cooperative's latest statement with the hub (cooperatives with none are absent). */
export async function findLatestPeriodEnds(db: Db, hubId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('statement')
    .select(['orgId', (eb) => eb.fn.max('periodEnd').as('periodEnd')])
    .where('hubId', '=', hubId)
    .groupBy('orgId')
    .execute();
  return new Map(rows.map((r) => [r.orgId, r.periodEnd] as const));
}

/** The end of one cooperative's latest statement. */
export async function findLatestPeriodEnd(db: Db, coopId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('statement')
    .select((eb) => eb.fn.max('periodEnd').as('periodEnd'))
    .where('orgId', '=', coopId)
    .executeTakeFirst();
  return r?.periodEnd ?? undefined;
}
