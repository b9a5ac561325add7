import type { Db } from '../../db/database.ts';
import { HUB, postJournalEntries } from '../ledger/index.ts';
import { lockOrganization } from '../network/index.ts';
import { isValidBusinessDate, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import type { CreditLossProvisionTable } from './payables.table.ts';
import { findLatestProvision, findProvision, insertProvision } from './provision.repository.ts';
import { computeProvisionMatrix } from './risk-history.ts';

export interface ProvisionResult {
  id: string;
  periodEnd: string;
  total: number;
  previousTotal: number;
  adjustment: number;
}

const resultOf = (r: CreditLossProvisionTable): ProvisionResult => ({
  id: r.id,
  periodEnd: r.periodEnd,
  total: r.total,
  previousTotal: r.previousTotal,
  adjustment: r.adjustment,
});

/**
 * The allowance for expected credit losses (CKPN) at a month end: the
 * provision matrix on `periodEnd` (its aging, roll rates of the 12 month
 * ends before), and only the change from the allowance already booked is
 * posted on that date (H: Dr Beban Kerugian Penurunan Nilai, Cr CKPN; the
 * other way when it falls). Keeps: once per hub and period end (a second
 * call answers the first result); periods in order (none before one already
 * posted); 1209 CKPN's balance = the latest provision's total.
 */
export async function postCreditLossProvision(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: { periodEnd: string },
): Promise<ProvisionResult & { created: boolean }> {
  const { periodEnd } = input;
  const today = todayWib(ctx.clock);
  if (!isValidBusinessDate(periodEnd) || lastDayOfMonth(monthOf(periodEnd)) !== periodEnd)
    throw new DomainError('ValidationFailed', {
      message: 'periodEnd harus tanggal akhir bulan (YYYY-MM-DD)',
      messageEn: 'periodEnd must be the last day of a month (YYYY-MM-DD)',
      details: [
        {
          path: '/periodEnd',
          message: 'harus tanggal akhir bulan',
          messageEn: 'must be a month end',
        },
      ],
    });
  if (periodEnd > today)
    throw new DomainError('DateInFuture', {
      message: `Periode ${periodEnd} belum berakhir (hari ini ${today} WIB)`,
      details: [
        {
          path: '/periodEnd',
          message: 'tidak boleh di masa depan',
          messageEn: 'must not be in the future',
        },
      ],
    });
  await lockOrganization(db, hubId);
  const existing = await findProvision(db, hubId, periodEnd);
  if (existing) return { ...resultOf(existing), created: false };
  const latest = await findLatestProvision(db, hubId);
  if (latest && latest.periodEnd > periodEnd)
    throw new DomainError('InvalidState', {
      message: `CKPN sudah dibukukan untuk ${latest.periodEnd}: periode sebelumnya tidak dapat dibukukan lagi`,
      messageEn: `The allowance was booked for ${latest.periodEnd}: an earlier period cannot be booked`,
    });
  const matrix = await computeProvisionMatrix(db, hubId, periodEnd);
  const previousTotal = latest?.total ?? 0;
  const adjustment = matrix.total - previousTotal;
  const now = ctx.clock.now();
  const row: CreditLossProvisionTable = {
    hubId,
    periodEnd,
    id: newId(),
    total: matrix.total,
    previousTotal,
    adjustment,
    matrix: JSON.stringify({
      window: matrix.window,
      pooled: matrix.pooled,
      rows: matrix.rows,
    }),
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now.toISOString(),
  };
  await insertProvision(db, row);
  if (adjustment !== 0) {
    const amount = Math.abs(adjustment);
    await postJournalEntries(
      db,
      [
        {
          orgId: hubId,
          book: 'hub',
          date: periodEnd,
          docType: 'credit_loss_provision',
          docId: row.id,
          memo: `CKPN ${periodEnd}: ${formatRupiah(previousTotal)} → ${formatRupiah(matrix.total)}`,
          lines:
            adjustment > 0
              ? [
                  { account: HUB.bebanPenurunanNilai, debit: amount },
                  { account: HUB.ckpn, credit: amount },
                ]
              : [
                  { account: HUB.ckpn, debit: amount },
                  { account: HUB.bebanPenurunanNilai, credit: amount },
                ],
        },
      ],
      now,
    );
  }
  return { ...resultOf(row), created: true };
}
