export type * from './jobs.table.ts';
export {
  SYSTEM_JOBS_ACTOR,
  type JobDefinition,
  type JobFailure,
  type JobResult,
  type JobContext,
} from './job.ts';
export { JOBS, findJobDefinition } from './job-list.ts';
export { dailyAt, monthlyAt, type Schedule } from './schedule.ts';
export {
  LEASE_MS,
  ensureJobRows,
  runJob,
  runJobNow,
  type JobLog,
  type JobRun,
  type RunJobOptions,
} from './run-job.ts';
export {
  DEFAULT_INTERVAL_MS,
  createJobRunner,
  startJobRunner,
  type JobRunner,
  type JobRunnerOptions,
} from './job-runner.ts';
export { listJobs, forHubs, type JobView } from './list-jobs.ts';
export { closeEndedPeriods, lastPeriodEndBefore } from './close-settlement-periods.ts';
export { runPreviousMonthSubsidy } from './monthly-subsidy.ts';
export { billWajibOfMonth } from './wajib-billing.ts';
