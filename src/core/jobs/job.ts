import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import type { JobName, JobTrigger } from './jobs.table.ts';
import type { Schedule } from './schedule.ts';

/** The actor of every job's writes, as the audit trail shows it. */
export const SYSTEM_JOBS_ACTOR = 'system:jobs';

/** One organization a job could not handle, and why; the others went on. */
export interface JobFailure {
  /** The cooperative or hub. */
  orgId: string;
  /** The hub it belongs to (a hub's admins see their own hub's failures). */
  hubId: string;
  orgName: string;
  code: string;
  message: string;
  messageEn?: string;
}

/** What a run did: counts, its words, and what failed. */
export interface JobResult {
  summary: string;
  summaryEn: string;
  /** Cooperatives (period close) or hubs (subsidy) the run acted on. */
  checked: number;
  /** Statements issued, or subsidy decisions made. */
  changed: number;
  failures: JobFailure[];
}

/** What a job gets to run with. */
export interface JobContext {
  /** The system actor (`system:jobs`) and the clock. */
  ctx: CommandContext;
  runId: string;
  trigger: JobTrigger;
  triggeredBy?: string;
  /** Aborted when the server stops: a job stops between organizations. */
  signal: AbortSignal;
}

export interface JobDefinition {
  name: JobName;
  title: { id: string; en: string };
  schedule: Schedule;
  run(db: Db, job: JobContext): Promise<JobResult>;
}

/** A text in Indonesian and in English. */
export interface Words {
  id: string;
  en: string;
}

/**
 * A run's result in numbers and words: what it did (or that there was nothing
 * to do), then how many of what failed.
 */
export function jobResult(
  r: Pick<JobResult, 'checked' | 'changed' | 'failures'>,
  words: { did: Words; none: Words; failed: Words },
): JobResult {
  const said = r.changed ? words.did : words.none;
  const n = r.failures.length;
  return {
    summary: said.id + (n ? `; ${words.failed.id}: ${n}` : ''),
    summaryEn: said.en + (n ? `; ${words.failed.en}: ${n}` : ''),
    ...r,
  };
}

/** Throws once the server is stopping, between two units of a job's work. */
export function checkNotStopped(signal: AbortSignal): void {
  if (signal.aborted)
    throw new DomainError('ServiceUnavailable', {
      message: 'Dihentikan karena server berhenti; dijalankan lagi pada putaran berikutnya',
      messageEn: 'Stopped because the server is stopping; it runs again on the next round',
    });
}

/** The code and words of an error, for a failure or a failed run. */
export function describeError(e: unknown): Pick<JobFailure, 'code' | 'message' | 'messageEn'> {
  if (e instanceof DomainError)
    return { code: e.code, message: e.message, ...(e.messageEn ? { messageEn: e.messageEn } : {}) };
  return { code: 'InternalError', message: e instanceof Error ? e.message : String(e) };
}

/** The audit detail of a job's write: which job, which run, how started. */
export function jobAuditDetail(job: JobName, j: JobContext, extra: object): object {
  return {
    job,
    jobRunId: j.runId,
    trigger: j.trigger,
    ...(j.triggeredBy ? { triggeredBy: j.triggeredBy } : {}),
    ...extra,
  };
}
