import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { checkShuRules, rulesOfBasisPoints, type ShuRulesBp } from './shu-allocation.ts';
import { findFiscalYearClose, findShuRule, upsertShuRule } from './shu.repository.ts';
import type { ShuRules } from './shu.types.ts';
import type { ShuRuleTable } from './yearend.table.ts';

export type ShuRulesInput = Omit<ShuRules, 'year'>;

/** A stored split in basis points. */
export function rulesBpOfRow(
  row: Pick<ShuRuleTable, 'allocation' | 'jasaUsahaBp' | 'jasaModalBp'>,
): ShuRulesBp {
  return {
    allocation: JSON.parse(row.allocation) as ShuRulesBp['allocation'],
    jasaUsahaBp: Number(row.jasaUsahaBp),
    jasaModalBp: Number(row.jasaModalBp),
  };
}

export function yearClosedError(year: number): DomainError {
  return new DomainError('FiscalYearClosed', {
    message: `Tahun buku ${year} sudah ditutup`,
    messageEn: `Fiscal year ${year} is closed`,
  });
}

/**
 * The AD/ART's SHU split for a year (`setShuRules`): checked by
 * {@link checkShuRules}, stored in basis points; a closed year's split stays
 * as it was closed (`FiscalYearClosed`).
 */
export async function setShuRules(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  year: number,
  input: ShuRulesInput,
): Promise<ShuRules> {
  const bp = checkShuRules(input);
  if (await findFiscalYearClose(db, coopId, year)) throw yearClosedError(year);
  await upsertShuRule(db, {
    orgId: coopId,
    year,
    allocation: JSON.stringify(bp.allocation),
    jasaUsahaBp: bp.jasaUsahaBp,
    jasaModalBp: bp.jasaModalBp,
    updatedBy: ctx.actor?.userId ?? null,
    updatedAt: ctx.clock.now().toISOString(),
  });
  return rulesOfBasisPoints(year, bp);
}

/** The year's split, or null when none is set. */
export async function findShuRules(
  db: Db,
  coopId: string,
  year: number,
): Promise<ShuRulesBp | null> {
  const row = await findShuRule(db, coopId, year);
  return row ? rulesBpOfRow(row) : null;
}

/** The year's split (`getShuRules`); `NotFound` when none is set. */
export async function getShuRules(db: Db, coopId: string, year: number): Promise<ShuRules> {
  const bp = await findShuRules(db, coopId, year);
  if (!bp)
    throw new DomainError('NotFound', {
      message: `Pembagian SHU tahun ${year} belum ditetapkan`,
      messageEn: `No SHU split is set for ${year}`,
    });
  return rulesOfBasisPoints(year, bp);
}

export function rulesMissing(year: number): DomainError {
  return new DomainError('ShuRulesMissing', {
    message: `Pembagian SHU tahun ${year} belum ditetapkan; simpan pembagiannya dulu`,
    messageEn: `No SHU split is set for ${year}; save the split first`,
  });
}
