import type { Db } from '../../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { JOBS } from './job-list.ts';
import { findJobs, findLatestRuns } from './jobs.repository.ts';
import { toJobRun, type JobRun } from './run-job.ts';

/** A job as the jobs screen shows it. */
export interface JobView {
  name: string;
  title: string;
  titleEn: string;
  /** When it runs, in words. */
  schedule: string;
  scheduleEn: string;
  lastRun?: Omit<JobRun, 'name'>;
  /** When it is due next (an ISO instant; in the past while it waits for a runner). */
  nextRunAt: string;
  /** A runner holds its lease now. */
  running: boolean;
}

/**
 * The jobs with their last run and when they are due next. Jobs act on
 * every hub; a failure list shows only the failures of `hubIds` (counts
 * stay the installation's). A job no runner has seen yet is due at its next
 * scheduled instant.
 */
export async function listJobs(
  db: Db,
  clock: Clock,
  hubIds: readonly string[],
): Promise<JobView[]> {
  const now = clock.now();
  const rows = new Map((await findJobs(db)).map((r) => [r.name, r] as const));
  const runs = await findLatestRuns(
    db,
    JOBS.map((j) => j.name),
  );
  return JOBS.map((def) => {
    const row = rows.get(def.name);
    const run = runs.get(def.name);
    const last = run ? forHubs(toJobRun(run), hubIds) : undefined;
    return {
      name: def.name,
      title: def.title.id,
      titleEn: def.title.en,
      schedule: def.schedule.text.id,
      scheduleEn: def.schedule.text.en,
      ...(last ? { lastRun: omitName(last) } : {}),
      nextRunAt: row?.nextRunAt ?? def.schedule.nextAfter(now).toISOString(),
      running: row?.leaseUntil != null && row.leaseUntil >= now.toISOString(),
    };
  });
}

/** A run with only the failures of the given hubs. */
export function forHubs(run: JobRun, hubIds: readonly string[]): JobRun {
  return {
    ...run,
    result: {
      ...run.result,
      failures: run.result.failures.filter((f) => hubIds.includes(f.hubId)),
    },
  };
}

function omitName(run: JobRun): Omit<JobRun, 'name'> {
  const { name: _name, ...rest } = run;
  return rest;
}
