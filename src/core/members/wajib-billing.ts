import type { Db } from '../../db/database.ts';
import { firstDayOfMonth, isValidMonth, lastDayOfMonth, monthOf } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { lineAmount, rupiah } from '../shared/money.ts';
import { findSavingsRuleOn } from './savings.repository.ts';
import { findMembersToBill, insertWajibBillsIfAbsent } from './wajib.repository.ts';

export interface WajibBillingResult {
  month: string;
  /** Members billed by this run. */
  billed: number;
  /** Members who had the month's bill already (an earlier run). */
  alreadyBilled: number;
  /** Σ of the bills this run made. */
  amount: number;
}

/**
 * The wajib billing of `month` (`YYYY-MM`, not after the current month):
 * every member active on its first day (or left after it) who joined on or
 * before its last day is billed the wajib in force on its first day, once
 * per member and month (insert-if-absent: a second run bills nobody). A
 * month with no wajib in force bills nobody. Posts nothing: a bill is what
 * the member owes, the deposit is what posts.
 */
export async function runWajibBilling(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: { month: string },
): Promise<WajibBillingResult> {
  const { month } = input;
  if (!isValidMonth(month))
    throw new DomainError('ValidationFailed', {
      message: 'Bulan harus berformat YYYY-MM',
      messageEn: 'The month must be YYYY-MM',
      details: [
        {
          path: '/month',
          message: 'harus berupa bulan (TTTT-BB)',
          messageEn: 'must be a month YYYY-MM',
        },
      ],
    });
  const current = monthOf(todayWib(ctx.clock));
  if (month > current)
    throw new DomainError('DateInFuture', {
      message: `Bulan ${month} belum dimulai (bulan ini ${current})`,
      messageEn: `Month ${month} has not started (this month is ${current})`,
      details: [
        {
          path: '/month',
          message: 'tidak boleh setelah bulan berjalan',
          messageEn: 'must not be after the current month',
        },
      ],
    });
  const rule = await findSavingsRuleOn(db, coopId, firstDayOfMonth(month));
  const wajib = rule?.wajibMonthly ?? 0;
  if (wajib === 0) return { month, billed: 0, alreadyBilled: 0, amount: 0 };
  const members = await findMembersToBill(
    db,
    coopId,
    firstDayOfMonth(month),
    lastDayOfMonth(month),
  );
  const createdAt = ctx.clock.now().toISOString();
  const billed = await insertWajibBillsIfAbsent(
    db,
    members.map((memberId) => ({ orgId: coopId, memberId, month, amount: wajib, createdAt })),
  );
  return {
    month,
    billed,
    alreadyBilled: members.length - billed,
    amount: lineAmount(rupiah(wajib), billed),
  };
}
