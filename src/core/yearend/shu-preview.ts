import type { Db } from '../../db/database.ts';
import { systemClock, todayWib, type Clock } from '../shared/clock.ts';
import { checkShuRules, rulesOfBasisPoints, splitShu, type ShuRulesBp } from './shu-allocation.ts';
import { shuOfPeriod } from './shu-of-period.ts';
import {
  findMemberNames,
  sumCapitalSavingsByMember,
  sumPurchasesByMember,
} from './shu.repository.ts';
import { findShuRules, rulesMissing, type ShuRulesInput } from './shu-rules.ts';
import type { ShuResult } from './shu.types.ts';

/**
 * A year's SHU from the books as they are now and its split by `rules`:
 * SHU = Σ (revenue − expense) of the year (closing entries left out);
 * purchases = each member's sales of the year less refunds, reversed sales
 * left out; savings = each member's pokok + wajib at the year's last day.
 */
export async function computeShu(
  db: Db,
  coopId: string,
  year: number,
  rules: ShuRulesBp,
): Promise<ShuResult> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const shu = await shuOfPeriod(db, coopId, from, to);
  const purchases = await sumPurchasesByMember(db, coopId, from, to);
  const savings = await sumCapitalSavingsByMember(db, coopId, to);
  const ids = [...new Set([...purchases.keys(), ...savings.keys()])];
  const basis = (await findMemberNames(db, coopId, ids)).map((m) => ({
    memberId: m.id,
    memberNo: m.memberNo,
    name: m.name,
    purchases: purchases.get(m.id) ?? 0,
    savings: savings.get(m.id) ?? 0,
  }));
  const split = splitShu(shu, rules, basis);
  return { year, shu, rules: rulesOfBasisPoints(year, rules), ...split };
}

/**
 * The simulation (`previewShu`): the year's split by the given rules (or the
 * year's own; `ShuRulesMissing` without either), nothing written. For a year
 * not yet ended it is an estimate from the books to date (`estimate: true`).
 */
export async function previewShu(
  db: Db,
  coopId: string,
  year: number,
  rules?: ShuRulesInput,
  clock: Clock = systemClock,
): Promise<ShuResult> {
  const bp = rules ? checkShuRules(rules) : await findShuRules(db, coopId, year);
  if (!bp) throw rulesMissing(year);
  const result = await computeShu(db, coopId, year, bp);
  return todayWib(clock) <= `${year}-12-31` ? { ...result, estimate: true } : result;
}
