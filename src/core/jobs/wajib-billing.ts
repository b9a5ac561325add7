import type { Db } from '../../db/database.ts';
import { transactionRunAgain } from '../../db/retry.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { findCooperativesWithSavingsRules, runWajibBilling } from '../members/index.ts';
import { findOrganizationById, findParticipation } from '../network/index.ts';
import { monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import {
  checkNotStopped,
  describeError,
  jobAuditDetail,
  jobResult,
  type JobContext,
  type JobDefinition,
  type JobFailure,
} from './job.ts';
import { monthlyAt } from './schedule.ts';

/**
 * The wajib billing of the current month for every cooperative with savings
 * rules (`runWajibBilling`, one transaction per cooperative; a failure is
 * recorded and the others go on). Billing is once per member and month, so
 * a second run, or one by hand after members joined, bills only those not
 * billed yet.
 */
export async function billWajibOfMonth(db: Db, job: JobContext) {
  const { ctx } = job;
  const month = monthOf(todayWib(ctx.clock));
  const failures: JobFailure[] = [];
  let checked = 0;
  let billed = 0;
  for (const coopId of await findCooperativesWithSavingsRules(db)) {
    checkNotStopped(job.signal);
    checked++;
    try {
      billed += await transactionRunAgain(db, async (trx) => {
        const r = await runWajibBilling(trx, ctx, coopId, { month });
        if (r.billed > 0)
          await recordAuditEvent(trx, ctx, {
            orgId: coopId,
            action: 'runWajibBilling',
            targetType: 'wajib_billing',
            targetId: month,
            detail: jobAuditDetail('wajib-billing', job, { billed: r.billed, amount: r.amount }),
          });
        return r.billed;
      });
    } catch (e) {
      const coop = await findOrganizationById(db, coopId);
      const p = await findParticipation(db, coopId);
      failures.push({
        orgId: coopId,
        hubId: p?.hubId ?? '',
        orgName: coop?.name ?? coopId,
        ...describeError(e),
      });
    }
  }
  return jobResult(
    { checked, changed: billed, failures },
    {
      did: {
        id: `Simpanan wajib ${month}: ${billed} anggota ditagih`,
        en: `Wajib savings ${month}: ${billed} members billed`,
      },
      none: {
        id: `Simpanan wajib ${month}: tidak ada tagihan baru`,
        en: `Wajib savings ${month}: no new bill`,
      },
      failed: { id: 'koperasi gagal', en: 'cooperatives failed' },
    },
  );
}

export const wajibBillingJob: JobDefinition = {
  name: 'wajib-billing',
  title: { id: 'Tagihan simpanan wajib bulanan', en: 'Monthly wajib savings billing' },
  schedule: monthlyAt(1, 30),
  run: billWajibOfMonth,
};
