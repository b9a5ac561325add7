import type { Db } from '../../db/database.ts';
import { transactionRunAgain } from '../../db/retry.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { findOrganizationsByKind, findParticipationsOfHub } from '../network/index.ts';
import {
  addMonths,
  firstDayOfMonth,
  lastDayOfMonth,
  monthOf,
  overlapDays,
} from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import { runMonthlySubsidy } from '../subsidy/index.ts';
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
 * The subsidy run of the previous month for every hub with a participation
 * active in that month (`runMonthlySubsidy`, one transaction per hub; a
 * failure is recorded and the other hubs go on). A run is idempotent per
 * cooperative and month, so running again grants only the participations
 * with no grant for the month yet (entered after the fact) and changes
 * nothing else.
 */
export async function runPreviousMonthSubsidy(db: Db, job: JobContext) {
  const { ctx } = job;
  const month = addMonths(monthOf(todayWib(ctx.clock)), -1);
  const failures: JobFailure[] = [];
  let checked = 0;
  let decided = 0;
  for (const hub of await findOrganizationsByKind(db, 'hub')) {
    const participations = await findParticipationsOfHub(db, hub.id);
    const active = participations.some(
      (p) => overlapDays(firstDayOfMonth(month), lastDayOfMonth(month), p.startDate, p.endDate) > 0,
    );
    if (!active) continue;
    checkNotStopped(job.signal);
    checked++;
    try {
      decided += await transactionRunAgain(db, async (trx) => {
        const r = await runMonthlySubsidy(trx, ctx, hub.id, { month });
        if (r.created || r.newGrants > 0)
          await recordAuditEvent(trx, ctx, {
            orgId: hub.id,
            action: 'runMonthlySubsidy',
            targetType: 'subsidy_run',
            targetId: r.runId,
            detail: jobAuditDetail('monthly-subsidy', job, { month, newGrants: r.newGrants }),
          });
        return r.newGrants;
      });
    } catch (e) {
      failures.push({ orgId: hub.id, hubId: hub.id, orgName: hub.name, ...describeError(e) });
    }
  }
  return jobResult(
    { checked, changed: decided, failures },
    {
      did: {
        id: `Subsidi ${month}: ${decided} keputusan baru`,
        en: `Subsidy ${month}: ${decided} new decisions`,
      },
      none: {
        id: `Subsidi ${month}: tidak ada keputusan baru`,
        en: `Subsidy ${month}: no new decision`,
      },
      failed: { id: 'hub gagal', en: 'hubs failed' },
    },
  );
}

export const monthlySubsidyJob: JobDefinition = {
  name: 'monthly-subsidy',
  title: { id: 'Subsidi operasional bulanan', en: 'Monthly operational subsidy' },
  schedule: monthlyAt(1, 0),
  run: runPreviousMonthSubsidy,
};
