import type { Db } from '../../db/database.ts';
import { addMonths, isValidMonth, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { COOP } from './chart-of-accounts.ts';
import { scheduleUpTo } from './depreciation-schedule.ts';
import {
  findClosedYears,
  findDepreciatedMonths,
  findFixedAssets,
  insertDepreciation,
} from './manual-entry.repository.ts';
import { postJournalEntries } from './post-journal-entry.ts';

export interface DepreciationResult {
  month: string;
  /** One row per asset and month posted by this call. */
  posted: { orgId: string; assetId: string; month: string; amount: number }[];
  amount: number;
  /** Months not posted because their fiscal year is closed (they stay unposted). */
  skippedClosed: { orgId: string; assetId: string; month: string }[];
}

/**
 * Posts the straight-line depreciation of every registered fixed asset (of
 * one organization, or all) for every month of its life up to and including
 * `month` not posted yet (catch-up): per asset and month one `depreciation`
 * row and one entry (doc type `depreciation`), Dr 5105 Beban Penyusutan,
 * Cr 1509 Akumulasi Penyusutan, dated the month's last day. A month only once
 * it has ended (`ValidationFailed` otherwise); a month of a closed fiscal year
 * is skipped and named in the result. Idempotent: a second call posts nothing.
 */
export async function postDepreciation(
  db: Db,
  ctx: CommandContext,
  opts: { month: string; orgId?: string },
): Promise<DepreciationResult> {
  const lastEnded = addMonths(monthOf(todayWib(ctx.clock)), -1);
  if (!isValidMonth(opts.month) || opts.month > lastEnded)
    throw new DomainError('ValidationFailed', {
      message: `Penyusutan dibukukan untuk bulan yang sudah berakhir (paling akhir ${lastEnded})`,
      messageEn: `Depreciation is posted for a month that has ended (at the latest ${lastEnded})`,
      details: [
        {
          path: '/month',
          message: `harus bulan yang sudah berakhir (TTTT-BB), paling akhir ${lastEnded}`,
          messageEn: `must be YYYY-MM, at the latest ${lastEnded}`,
        },
      ],
    });
  const now = ctx.clock.now();
  const result: DepreciationResult = {
    month: opts.month,
    posted: [],
    amount: 0,
    skippedClosed: [],
  };
  // Postings dated on or before the end of the last closed year are locked.
  const closedToByOrg = new Map<string, number>();
  for (const asset of await findFixedAssets(db, opts.orgId)) {
    let closedTo = closedToByOrg.get(asset.orgId);
    if (closedTo === undefined)
      closedToByOrg.set(
        asset.orgId,
        (closedTo = Math.max(0, ...(await findClosedYears(db, asset.orgId)))),
      );
    const done = await findDepreciatedMonths(db, asset.orgId, asset.id);
    const schedule = scheduleUpTo(
      { ...asset, cost: Number(asset.cost), residualValue: Number(asset.residualValue) },
      opts.month,
    );
    for (const { month, amount } of schedule) {
      if (done.has(month)) continue;
      if (Number(month.slice(0, 4)) <= closedTo) {
        result.skippedClosed.push({ orgId: asset.orgId, assetId: asset.id, month });
        continue;
      }
      const id = newId();
      await insertDepreciation(db, {
        orgId: asset.orgId,
        assetId: asset.id,
        month,
        id,
        amount,
        createdAt: now.toISOString(),
      });
      await postJournalEntries(
        db,
        [
          {
            orgId: asset.orgId,
            book: 'cooperative',
            date: lastDayOfMonth(month),
            docType: 'depreciation',
            docId: id,
            memo: `Penyusutan ${month}: ${asset.name}`,
            lines: [
              { account: COOP.bebanPenyusutan, debit: amount },
              { account: COOP.akumulasiPenyusutan, credit: amount },
            ],
          },
        ],
        now,
      );
      result.posted.push({ orgId: asset.orgId, assetId: asset.id, month, amount });
      result.amount += amount;
    }
  }
  return result;
}
