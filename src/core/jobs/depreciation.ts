import type { Db } from '../../db/database.ts';
import { transactionRunAgain } from '../../db/retry.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { findFixedAssets, postDepreciation } from '../ledger/index.ts';
import { findOrganizationById, findParticipation } from '../network/index.ts';
import { addMonths, monthOf } from '../shared/business-date.ts';
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
 * The fixed assets' depreciation up to the month that just ended, for every
 * cooperative with fixed assets (`postDepreciation`, one transaction per
 * cooperative; missed months are caught up). Idempotent: a second run posts
 * nothing. Months of a closed fiscal year are skipped and counted.
 */
export async function depreciatePreviousMonth(db: Db, job: JobContext) {
  const { ctx } = job;
  const month = addMonths(monthOf(todayWib(ctx.clock)), -1);
  const failures: JobFailure[] = [];
  let checked = 0;
  let posted = 0;
  let skipped = 0;
  const orgIds = [...new Set((await findFixedAssets(db)).map((a) => a.orgId))];
  for (const orgId of orgIds) {
    checkNotStopped(job.signal);
    checked++;
    try {
      // Counted once the transaction lands: a run again after a deadlock counts nothing twice.
      const done = await transactionRunAgain(db, async (trx) => {
        const r = await postDepreciation(trx, ctx, { month, orgId });
        if (r.posted.length === 0) return r;
        await recordAuditEvent(trx, ctx, {
          orgId,
          action: 'postDepreciation',
          targetType: 'depreciation',
          targetId: month,
          detail: jobAuditDetail('depreciation', job, {
            month,
            entries: r.posted.length,
            amount: r.amount,
          }),
        });
        return r;
      });
      skipped += done.skippedClosed.length;
      posted += done.posted.length;
    } catch (e) {
      const coop = await findOrganizationById(db, orgId);
      const p = await findParticipation(db, orgId);
      failures.push({
        orgId,
        hubId: p?.hubId ?? '',
        orgName: coop?.name ?? orgId,
        ...describeError(e),
      });
    }
  }
  const closed = skipped
    ? {
        id: `; ${skipped} bulan di tahun buku yang sudah ditutup dilewati`,
        en: `; ${skipped} months in closed years skipped`,
      }
    : { id: '', en: '' };
  return jobResult(
    { checked, changed: posted, failures },
    {
      did: {
        id: `Penyusutan s.d. ${month}: ${posted} jurnal dibukukan${closed.id}`,
        en: `Depreciation up to ${month}: ${posted} entries posted${closed.en}`,
      },
      none: {
        id: `Penyusutan s.d. ${month}: tidak ada yang baru${closed.id}`,
        en: `Depreciation up to ${month}: nothing new${closed.en}`,
      },
      failed: { id: 'koperasi gagal', en: 'cooperatives failed' },
    },
  );
}

export const depreciationJob: JobDefinition = {
  name: 'depreciation',
  title: { id: 'Penyusutan aset tetap bulanan', en: 'Monthly depreciation of fixed assets' },
  schedule: monthlyAt(3, 0),
  run: depreciatePreviousMonth,
};
