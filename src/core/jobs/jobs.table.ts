/** The scheduled jobs of the installation. */
export type JobName =
  | 'close-settlement-periods'
  | 'monthly-subsidy'
  | 'wajib-billing'
  | 'credit-loss-provision'
  | 'depreciation'
  | 'month-partitions';
export type JobStatus = 'ok' | 'failed';
export type JobTrigger = 'schedule' | 'manual';

/** One row per job: its lease, when it is due next, and its last run. */
export interface JobTable {
  name: string;
  /** The runner holding the lease; null when free. */
  leaseOwner: string | null;
  /** ISO instant the lease lapses (a runner that died lets go by then); null when free. */
  leaseUntil: string | null;
  /** ISO instant from which the job is due. */
  nextRunAt: string;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: JobStatus | null;
  /** JSON text of the last run's {@link JobResult}. */
  lastResult: string | null;
}

/** One finished run. */
export interface JobRunTable {
  id: string;
  jobName: string;
  startedAt: string;
  finishedAt: string;
  status: JobStatus;
  /** JSON text of the {@link JobResult}. */
  result: string;
  trigger: JobTrigger;
  /** The user who ran it by hand. */
  triggeredBy: string | null;
}

export interface JobsTables {
  job: JobTable;
  jobRun: JobRunTable;
}
