import { closeSettlementPeriodsJob } from './close-settlement-periods.ts';
import { creditLossProvisionJob } from './credit-loss-provision.ts';
import { depreciationJob } from './depreciation.ts';
import type { JobDefinition } from './job.ts';
import { monthPartitionsJob } from './month-partitions.ts';
import { monthlySubsidyJob } from './monthly-subsidy.ts';
import { wajibBillingJob } from './wajib-billing.ts';

/**
 * The installation's jobs, in the order a runner looks at them: the period
 * close before the subsidy run, then the members' wajib billing, then the
 * month's credit loss allowance (CKPN, 02:30 WIB on the 1st), then the fixed
 * assets' depreciation of the month before (03:00 WIB on the 1st), and every
 * day the PostgreSQL month partitions of the coming months (04:00 WIB).
 */
export const JOBS: readonly JobDefinition[] = [
  closeSettlementPeriodsJob,
  monthlySubsidyJob,
  wajibBillingJob,
  creditLossProvisionJob,
  depreciationJob,
  monthPartitionsJob,
];

export function findJobDefinition(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
