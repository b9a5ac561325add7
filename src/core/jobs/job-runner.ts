import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import type { JobDefinition } from './job.ts';
import { JOBS } from './job-list.ts';
import { findJobs } from './jobs.repository.ts';
import { SILENT_LOG, ensureJobRows, runJob, type JobLog } from './run-job.ts';

/** How often a runner looks for due jobs, unless told otherwise. */
export const DEFAULT_INTERVAL_MS = 60_000;

export interface JobRunnerOptions {
  /** Milliseconds between rounds (default 60 s). */
  intervalMs?: number;
  /** The lease's length (default {@link LEASE_MS}). */
  leaseMs?: number;
  /** This runner's id in the lease (default host, process id and a random part). */
  owner?: string;
  /** The jobs it runs (default all of {@link JOBS}). */
  jobs?: readonly JobDefinition[];
  log?: JobLog;
}

export interface JobRunner {
  /** This runner's id in the lease. */
  readonly owner: string;
  /** One round now: every due job whose lease it can take, one after another. */
  tick(): Promise<void>;
  /** Starts a round at once and then every interval, each after the last one ended. */
  start(): void;
  /** No more rounds; a job running stops between organizations and is recorded; resolves then. */
  stop(): Promise<void>;
}

/**
 * A runner of the scheduled jobs, in the server. Each round reads the job
 * rows and runs, in order, each job that is due and whose lease is free,
 * taking the lease first (one conditional UPDATE: of several runners on one
 * database, whether in one process or many, one runs it, the others skip it).
 */
export function createJobRunner(
  db: Kysely<Database>,
  clock: Clock,
  opts: JobRunnerOptions = {},
): JobRunner {
  const jobs = opts.jobs ?? JOBS;
  const intervalMs = opts.intervalMs ?? DEFAULT_INTERVAL_MS;
  const log = opts.log ?? SILENT_LOG;
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const stopping = new AbortController();
  let rowsReady = false;
  let timer: NodeJS.Timeout | undefined;

  const runRound = async () => {
    if (stopping.signal.aborted) return;
    if (!rowsReady) {
      await ensureJobRows(db, clock, jobs);
      rowsReady = true;
    }
    const rows = new Map((await findJobs(db)).map((r) => [r.name, r] as const));
    for (const def of jobs) {
      if (stopping.signal.aborted) return;
      const row = rows.get(def.name);
      const now = clock.now().toISOString();
      if (!row || row.nextRunAt > now || (row.leaseUntil !== null && row.leaseUntil >= now))
        continue;
      await runJob(db, clock, def, {
        owner,
        trigger: 'schedule',
        signal: stopping.signal,
        retryBaseMs: intervalMs,
        ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}),
        log,
      });
    }
  };

  // One round at a time: a tick asked for during a round runs after it.
  let rounds: Promise<void> = Promise.resolve();
  const tick = (): Promise<void> => {
    rounds = rounds.then(runRound).catch((err: unknown) => {
      log.error({ err }, 'job round failed');
    });
    return rounds;
  };

  const loop = () => {
    void tick().then(() => {
      if (!stopping.signal.aborted) {
        timer = setTimeout(loop, intervalMs);
        timer.unref();
      }
    });
  };

  return {
    owner,
    tick,
    start: loop,
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await rounds;
    },
  };
}

/** A runner that has started its rounds (the server's): `stop()` ends them. */
export function startJobRunner(
  db: Kysely<Database>,
  clock: Clock,
  opts: JobRunnerOptions = {},
): JobRunner {
  const runner = createJobRunner(db, clock, opts);
  runner.start();
  return runner;
}
