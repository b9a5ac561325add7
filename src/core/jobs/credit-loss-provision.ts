import type { Db } from '../../db/database.ts';
import { transactionRunAgain } from '../../db/retry.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { findOrganizationsByKind, findParticipationsOfHub } from '../network/index.ts';
import { addMonths, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import { postCreditLossProvision } from '../treasury/index.ts';
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
 * The allowance (CKPN) of the month that just ended, for every hub with a
 * participant by then (`postCreditLossProvision`, one transaction per hub),
 * after the period close and the subsidy run. Idempotent per hub and month:
 * a second run books nothing.
 */
export async function bookPreviousMonthProvision(db: Db, job: JobContext) {
  const { ctx } = job;
  const periodEnd = lastDayOfMonth(addMonths(monthOf(todayWib(ctx.clock)), -1));
  const failures: JobFailure[] = [];
  let checked = 0;
  let booked = 0;
  for (const hub of await findOrganizationsByKind(db, 'hub')) {
    const participations = await findParticipationsOfHub(db, hub.id);
    if (!participations.some((p) => p.startDate <= periodEnd)) continue;
    checkNotStopped(job.signal);
    checked++;
    try {
      booked += await transactionRunAgain(db, async (trx) => {
        const r = await postCreditLossProvision(trx, ctx, hub.id, { periodEnd });
        if (!r.created) return 0;
        await recordAuditEvent(trx, ctx, {
          orgId: hub.id,
          action: 'postCreditLossProvision',
          targetType: 'credit_loss_provision',
          targetId: r.id,
          detail: jobAuditDetail('credit-loss-provision', job, {
            periodEnd,
            total: r.total,
            adjustment: r.adjustment,
          }),
        });
        return 1;
      });
    } catch (e) {
      failures.push({ orgId: hub.id, hubId: hub.id, orgName: hub.name, ...describeError(e) });
    }
  }
  return jobResult(
    { checked, changed: booked, failures },
    {
      did: {
        id: `CKPN ${periodEnd}: ${booked} hub dibukukan`,
        en: `CKPN ${periodEnd}: ${booked} hubs booked`,
      },
      none: { id: `CKPN ${periodEnd}: tidak ada yang baru`, en: `CKPN ${periodEnd}: nothing new` },
      failed: { id: 'hub gagal', en: 'hubs failed' },
    },
  );
}

export const creditLossProvisionJob: JobDefinition = {
  name: 'credit-loss-provision',
  title: { id: 'CKPN akhir bulan', en: 'Month-end credit loss allowance' },
  schedule: monthlyAt(2, 30),
  run: bookPreviousMonthProvision,
};
