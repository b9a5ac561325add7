import { Type } from 'typebox';
import { Instant, List, OneOf } from '../../schemas.ts';

export const JobParams = Type.Object({
  name: Type.String({
    minLength: 1,
    maxLength: 64,
    description:
      'The job: close-settlement-periods, monthly-subsidy, wajib-billing, credit-loss-provision, depreciation or month-partitions',
    examples: ['close-settlement-periods'],
  }),
});

/** One organization a run could not handle, and why (the others went on). */
const JobFailure = Type.Object({
  orgId: Type.String(),
  hubId: Type.String(),
  orgName: Type.String(),
  code: Type.String({ description: 'The error code (see Problem)' }),
  message: Type.String({ description: 'Indonesian' }),
  messageEn: Type.Optional(Type.String()),
});

/** What a run did. */
export const JobResult = Type.Object({
  summary: Type.String({ description: 'What the run did, in Indonesian' }),
  summaryEn: Type.String({ description: 'The same in English' }),
  checked: Type.Integer({
    minimum: 0,
    description:
      'Cooperatives (period close) or hubs (subsidy) the run acted on, installation-wide',
  }),
  changed: Type.Integer({
    minimum: 0,
    description: 'Statements issued, or subsidy decisions made, installation-wide',
  }),
  failures: Type.Array(JobFailure, {
    description: "The failures of the caller's hub (a failed one is tried again)",
  }),
});

const RunFields = {
  id: Type.String(),
  startedAt: Instant,
  finishedAt: Instant,
  status: OneOf(['ok', 'failed'] as const),
  result: JobResult,
  trigger: OneOf(['schedule', 'manual'] as const, {
    description: 'schedule: a runner; manual: run by hand (runJob)',
  }),
  triggeredBy: Type.Optional(Type.String({ description: 'The user who ran it by hand' })),
};

/** A finished run of a job. */
export const JobRun = Type.Object({ name: Type.String(), ...RunFields });

export const JobItem = Type.Object({
  name: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  schedule: Type.String({ description: 'When it runs, in words (WIB)' }),
  scheduleEn: Type.String(),
  lastRun: Type.Optional(Type.Object(RunFields)),
  nextRunAt: Type.String({
    format: 'date-time',
    maxLength: 40,
    description: 'When it is due next (in the past while it waits for a runner)',
  }),
  running: Type.Boolean({ description: 'A runner holds its lease now' }),
});

export const JobList = List(JobItem);
