import type { Db } from '../../db/database.ts';
import { isValidBusinessDate } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import type { SavingsRuleTable } from './members.table.ts';
import { findSavingsRules, upsertSavingsRule } from './savings.repository.ts';

export interface SavingsRule {
  effectiveFrom: string;
  pokok: number;
  wajibMonthly: number;
}

export interface SavingsRules {
  /** The rule in force today (WIB); absent before the first one starts. */
  current?: SavingsRule;
  /** Every rule, the latest `effectiveFrom` first. */
  history: SavingsRule[];
}

const toRule = (r: SavingsRuleTable): SavingsRule => ({
  effectiveFrom: r.effectiveFrom,
  pokok: r.pokok,
  wajibMonthly: r.wajibMonthly,
});

/** The cooperative's savings rules: the one in force today and all of them. */
export async function getSavingsRules(db: Db, clock: Clock, coopId: string): Promise<SavingsRules> {
  const rows = await findSavingsRules(db, coopId);
  const today = todayWib(clock);
  const current = rows.find((r) => r.effectiveFrom <= today);
  return { ...(current ? { current: toRule(current) } : {}), history: rows.map(toRule) };
}

/**
 * Sets the AD/ART's pokok (once per member) and monthly wajib from a date
 * (past or future). A second rule for the same date replaces the first;
 * bills already made and deposits already taken stay as they are.
 */
export async function setSavingsRules(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: SavingsRule,
): Promise<SavingsRules> {
  const errors: ErrorDetail[] = [];
  if (!isValidBusinessDate(input.effectiveFrom))
    errors.push({
      path: '/effectiveFrom',
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be a date YYYY-MM-DD',
    });
  for (const k of ['pokok', 'wajibMonthly'] as const)
    if (!Number.isSafeInteger(input[k]) || input[k] < 0)
      errors.push({
        path: `/${k}`,
        message: 'harus rupiah bulat, 0 atau lebih',
        messageEn: 'must be whole rupiah ≥ 0',
      });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Ketentuan simpanan tidak valid',
      messageEn: 'Invalid savings rules',
      details: errors,
    });
  await upsertSavingsRule(db, {
    orgId: coopId,
    effectiveFrom: input.effectiveFrom,
    pokok: input.pokok,
    wajibMonthly: input.wajibMonthly,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: ctx.clock.now().toISOString(),
  });
  return getSavingsRules(db, ctx.clock, coopId);
}
