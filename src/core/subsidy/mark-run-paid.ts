import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { markSubsidyPaid } from './run-monthly-subsidy.ts';
import { findGrantsOfRun, findSubsidyRun, isGrantReversed } from './subsidy.repository.ts';

/**
 * The hub's one transfer batch for a month: every subsidy of the run still
 * waiting to be paid out (accrued, not reversed) marked paid with the batch's
 * reference and date, each as `markSubsidyPaid` does, in one transaction.
 * Running it again marks nothing new.
 */
export async function markSubsidyRunPaid(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: { month: string; reference: string; paidOn?: string },
): Promise<{ month: string; paid: number; total: number }> {
  const run = await findSubsidyRun(db, hubId, input.month);
  if (!run)
    throw new DomainError('NotFound', {
      message: `Belum ada proses subsidi untuk ${input.month}`,
      messageEn: `No subsidy run for ${input.month}`,
    });
  let paid = 0;
  let total = 0;
  for (const g of await findGrantsOfRun(db, hubId, run.id)) {
    if (g.status !== 'accrued' || (await isGrantReversed(db, g.id))) continue;
    await markSubsidyPaid(db, ctx, g.orgId, input);
    paid++;
    total += g.amount;
  }
  return { month: input.month, paid, total };
}
