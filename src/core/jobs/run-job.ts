import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { transactionRunAgain } from '../../db/retry.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { SYSTEM_JOBS_ACTOR, describeError, type JobDefinition, type JobResult } from './job.ts';
import { findJobDefinition } from './job-list.ts';
import type { JobRunTable, JobTrigger } from './jobs.table.ts';
import {
  findRecentStatuses,
  insertMissingJobs,
  recordJobRun,
  renewJobLease,
  takeJobLease,
} from './jobs.repository.ts';

/** How long a lease lasts unless renewed: a runner that dies lets go of its job by then. */
export const LEASE_MS = 2 * 60_000;
/** The longest wait before a failing job is tried again. */
const MAX_RETRY_MS = 60 * 60_000;

/** Where a runner reports. */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
export const SILENT_LOG: JobLog = { info() {}, warn() {}, error() {} };

/** A finished run, as the history keeps it. */
export interface JobRun {
  id: string;
  name: string;
  startedAt: string;
  finishedAt: string;
  status: JobRunTable['status'];
  result: JobResult;
  trigger: JobTrigger;
  triggeredBy?: string;
}

export function toJobRun(r: JobRunTable): JobRun {
  return {
    id: r.id,
    name: r.jobName,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    status: r.status,
    result: JSON.parse(r.result) as JobResult,
    trigger: r.trigger,
    ...(r.triggeredBy ? { triggeredBy: r.triggeredBy } : {}),
  };
}

/** Gives every job a row, due at its next scheduled instant after now; existing rows stay. */
export async function ensureJobRows(
  db: Kysely<Database>,
  clock: Clock,
  jobs: readonly JobDefinition[],
): Promise<void> {
  const now = clock.now();
  await insertMissingJobs(
    db,
    jobs.map((j) => ({ name: j.name, nextRunAt: j.schedule.nextAfter(now).toISOString() })),
  );
}

export interface RunJobOptions {
  /** Who takes the lease: a runner's id, or a one-off id for a run by hand. */
  owner: string;
  trigger: JobTrigger;
  triggeredBy?: string;
  signal?: AbortSignal;
  leaseMs?: number;
  /** A scheduled run that fails is tried again after 0, then 1, 3, 7… times this (at most an hour). */
  retryBaseMs?: number;
  log?: JobLog;
}

/**
 * Runs a job once if its lease can be taken (and, when scheduled, if it is
 * due): renews the lease while it runs, records the run in the history and
 * on the job, sets when it is due next, and lets the lease go. A success is
 * due again at the next scheduled instant; a scheduled failure soon (the next
 * round, then backing off); a failed run by hand leaves the schedule as it
 * was. Undefined when another runner holds the lease or the job is not due.
 */
export async function runJob(
  db: Kysely<Database>,
  clock: Clock,
  def: JobDefinition,
  opts: RunJobOptions,
): Promise<JobRun | undefined> {
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const log = opts.log ?? SILENT_LOG;
  const started = clock.now();
  const taken = await transactionRunAgain(db, (trx) =>
    takeJobLease(trx, def.name, {
      owner: opts.owner,
      now: started.toISOString(),
      until: new Date(started.getTime() + leaseMs).toISOString(),
      dueOnly: opts.trigger === 'schedule',
    }),
  );
  if (!taken) return undefined;
  const renew = setInterval(() => {
    const until = new Date(clock.now().getTime() + leaseMs).toISOString();
    renewJobLease(db, def.name, opts.owner, until).then(
      (held) => held || log.warn({ job: def.name }, 'job lease lost while running'),
      (err: unknown) => log.warn({ err, job: def.name }, 'job lease not renewed'),
    );
  }, leaseMs / 3);
  renew.unref();
  const runId = newId();
  let status: JobRunTable['status'];
  let result: JobResult;
  try {
    result = await def.run(db, {
      ctx: { clock, actor: { userId: SYSTEM_JOBS_ACTOR, role: 'system' } },
      runId,
      trigger: opts.trigger,
      ...(opts.triggeredBy ? { triggeredBy: opts.triggeredBy } : {}),
      signal: opts.signal ?? new AbortController().signal,
    });
    status = result.failures.length ? 'failed' : 'ok';
  } catch (e) {
    const err = describeError(e);
    log.error({ err: e, job: def.name }, 'job failed');
    status = 'failed';
    result = {
      summary: err.message,
      summaryEn: err.messageEn ?? err.message,
      checked: 0,
      changed: 0,
      failures: [],
    };
  } finally {
    clearInterval(renew);
  }
  const finished = clock.now();
  const run: JobRunTable = {
    id: runId,
    jobName: def.name,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    status,
    result: JSON.stringify(result),
    trigger: opts.trigger,
    triggeredBy: opts.triggeredBy ?? null,
  };
  const next = await nextRunAt(db, def, run, finished, opts.retryBaseMs ?? 60_000);
  const held = await transactionRunAgain(db, (trx) => recordJobRun(trx, run, opts.owner, next));
  if (!held) log.warn({ job: def.name }, 'job lease had lapsed when the run finished');
  log[status === 'ok' ? 'info' : 'warn'](
    { job: def.name, runId, status, summary: result.summaryEn },
    `job ${def.name}: ${status}`,
  );
  return toJobRun(run);
}

/** When the job is due after this run (undefined: as it was). */
async function nextRunAt(
  db: Kysely<Database>,
  def: JobDefinition,
  run: JobRunTable,
  finished: Date,
  retryBaseMs: number,
): Promise<string | undefined> {
  if (run.status === 'ok') return def.schedule.nextAfter(finished).toISOString();
  if (run.trigger === 'manual') return undefined;
  // Failures in a row, this one included: the first is tried again on the next round.
  const recent = await findRecentStatuses(db, def.name, 10);
  const before = recent.findIndex((s) => s === 'ok');
  const failures = (before === -1 ? recent.length : before) + 1;
  const delay = Math.min(retryBaseMs * (2 ** (failures - 1) - 1), MAX_RETRY_MS);
  return new Date(finished.getTime() + delay).toISOString();
}

/**
 * A job run by hand (a hub admin): at once, whether due or not, unless
 * another runner holds its lease (409 `InvalidState`); 404 for an unknown job.
 */
export async function runJobNow(
  db: Kysely<Database>,
  clock: Clock,
  name: string,
  userId: string | undefined,
  opts: { log?: JobLog } = {},
): Promise<JobRun> {
  const def = findJobDefinition(name);
  if (!def)
    throw new DomainError('NotFound', {
      message: `Tugas ${name} tidak ada`,
      messageEn: `There is no job ${name}`,
    });
  await ensureJobRows(db, clock, [def]);
  const run = await runJob(db, clock, def, {
    owner: `manual:${newId()}`,
    trigger: 'manual',
    ...(userId ? { triggeredBy: userId } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  if (run) return run;
  throw new DomainError('InvalidState', {
    message: `${def.title.id} sedang dijalankan oleh proses lain; coba lagi setelah selesai`,
    messageEn: `${def.title.en} is being run by another runner; try again once it has finished`,
    details: [
      { path: '/name', message: 'tugas ini sedang berjalan', messageEn: 'the job is running' },
    ],
  });
}
