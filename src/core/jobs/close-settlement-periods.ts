import type { Db } from '../../db/database.ts';
import { transactionRunAgain } from '../../db/retry.ts';
import { recordAuditEvent } from '../audit/index.ts';
import {
  findOrganizationById,
  findOrganizationsByKind,
  findParticipationsOfHubOn,
  loadCooperativeContext,
  type Participation,
  type SettlementPeriod,
} from '../network/index.ts';
import { closeSettlementPeriod } from '../settlement/index.ts';
import {
  addDays,
  addMonths,
  isoWeekday,
  lastDayOfMonth,
  monthOf,
} from '../shared/business-date.ts';
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
import { findLatestPeriodEnd, findLatestPeriodEnds } from './jobs.repository.ts';
import { dailyAt } from './schedule.ts';

/**
 * The end of the latest settlement period that ended before `today`: the
 * last day of the previous month (monthly), the latest Sunday before today
 * (weekly).
 */
export function lastPeriodEndBefore(period: SettlementPeriod, today: string): string {
  if (period === 'monthly') return lastDayOfMonth(addMonths(monthOf(today), -1));
  return addDays(today, -isoWeekday(today));
}

/**
 * Whether the participation has a period to close at `periodEnd`: it had
 * started by then, that period is not closed yet, and it had not ended
 * before its last statement.
 */
function needsClosing(p: Participation, periodEnd: string, latest: string | undefined) {
  if (p.startDate > periodEnd) return false;
  if (latest !== undefined && latest >= periodEnd) return false;
  return !(latest !== undefined && p.endDate !== null && p.endDate <= latest);
}

/**
 * Closes, for every cooperative of every hub, the latest settlement period
 * that ended before today and is not closed yet (`closeSettlementPeriod`,
 * one transaction per cooperative: a failure is recorded and the others go
 * on). A cooperative whose statement someone else issued meanwhile is
 * skipped: its lock is taken first, then the latest statement looked at. A
 * period missed while no server ran is covered by the next statement, from
 * the day after the previous one.
 */
export async function closeEndedPeriods(db: Db, job: JobContext) {
  const { ctx } = job;
  const today = todayWib(ctx.clock);
  const failures: JobFailure[] = [];
  const periodEnds = new Set<string>();
  let checked = 0;
  let issued = 0;
  for (const hub of await findOrganizationsByKind(db, 'hub')) {
    const latestEnds = await findLatestPeriodEnds(db, hub.id);
    // The period kind in force yesterday: the latest period that ended, ended by then.
    for (const p of await findParticipationsOfHubOn(db, hub.id, addDays(today, -1))) {
      const periodEnd = lastPeriodEndBefore(p.settlementPeriod, today);
      if (!needsClosing(p, periodEnd, latestEnds.get(p.orgId))) continue;
      checkNotStopped(job.signal);
      checked++;
      try {
        const statementId = await transactionRunAgain(db, async (trx) => {
          const c = await loadCooperativeContext(trx, p.orgId, { lock: true });
          if (!needsClosing(p, periodEnd, await findLatestPeriodEnd(trx, p.orgId))) return null;
          const [s] = await closeSettlementPeriod(trx, ctx, hub.id, {
            periodEnd,
            cooperativeId: p.orgId,
          });
          await recordAuditEvent(trx, ctx, {
            orgId: c.coop.id,
            action: 'closeSettlementPeriod',
            targetType: 'settlement_period',
            targetId: periodEnd,
            detail: jobAuditDetail('close-settlement-periods', job, { statementId: s?.id }),
          });
          return s?.id ?? null;
        });
        if (statementId) {
          issued++;
          periodEnds.add(periodEnd);
        }
      } catch (e) {
        const coop = await findOrganizationById(db, p.orgId);
        failures.push({
          orgId: p.orgId,
          hubId: hub.id,
          orgName: coop?.name ?? p.orgId,
          ...describeError(e),
        });
      }
    }
  }
  const ends = [...periodEnds].sort().join(', ');
  return jobResult(
    { checked, changed: issued, failures },
    {
      did: {
        id: `${issued} tagihan diterbitkan (periode s.d. ${ends})`,
        en: `${issued} statements issued (periods ending ${ends})`,
      },
      none: { id: 'Tidak ada tagihan baru', en: 'No new statement' },
      failed: { id: 'koperasi gagal', en: 'cooperatives failed' },
    },
  );
}

export const closeSettlementPeriodsJob: JobDefinition = {
  name: 'close-settlement-periods',
  title: { id: 'Tutup periode penagihan', en: 'Close settlement periods' },
  schedule: dailyAt(0, 30),
  run: closeEndedPeriods,
};
