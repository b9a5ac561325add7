import { closeSettlementPeriodsJob } from './close-settlement-periods.ts';
import type { JobDefinition } from './job.ts';
import { monthlySubsidyJob } from './monthly-subsidy.ts';

/**
 * The installation's jobs, in the order a runner looks at them: the period
 * close before the subsidy run. There is no partition job: the schema has no
 * partitioned table (docs/SCALING.md keeps monthly partitions as a recipe).
 */
export const JOBS: readonly JobDefinition[] = [closeSettlementPeriodsJob, monthlySubsidyJob];

export function findJobDefinition(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
