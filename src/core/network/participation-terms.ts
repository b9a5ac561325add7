import type { ErrorDetail } from '../shared/errors.ts';
import type { ParticipationTable } from './network.table.ts';
import type { ParticipationTerms } from './participation-terms.table.ts';

/** The Koperasi Manis program's stated potential: Rp 200 juta of sales per cooperative per month. */
export const DEFAULT_MONTHLY_SALES_POTENTIAL = 200_000_000;

/** The terms a version holds, in the order screens list them. */
export const TERM_KEYS = [
  'exposureLimit',
  'monthlySubsidy',
  'settlementPeriod',
  'paymentTermsDays',
  'graceDays',
  'subsidyMode',
  'monthlySalesPotential',
] as const satisfies readonly (keyof ParticipationTerms)[];

/** The columns of a participation row that are not terms (the row's own term columns are the first version's). */
export const PARTICIPATION_ROW_COLUMNS = [
  'orgId',
  'id',
  'hubId',
  'program',
  'agreementNo',
  'startDate',
  'endDate',
  'createdAt',
  'endReason',
  'endedBy',
  'endedAt',
] as const satisfies readonly (keyof ParticipationTable)[];

/** A participation without terms: what a command reads before it knows its document's date. */
export type ParticipationRow = Pick<ParticipationTable, (typeof PARTICIPATION_ROW_COLUMNS)[number]>;

/** A participation with the terms in force on one date. */
export type Participation = ParticipationRow & ParticipationTerms;

/**
 * The version in force on `date`: the one with the latest `effectiveFrom` on
 * or before it. Before the first version (a draft dated before the start) the
 * first version applies: the terms as first agreed.
 */
export function termsOn<V extends { effectiveFrom: string }>(
  versions: readonly V[],
  date: string,
): V {
  let found: V | undefined;
  let first: V | undefined;
  for (const v of versions) {
    if (!first || v.effectiveFrom < first.effectiveFrom) first = v;
    if (v.effectiveFrom <= date && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  }
  const v = found ?? first;
  if (!v) throw new Error('A participation without any version of its terms');
  return v;
}

/** Just the terms of a version (or of any row carrying them). */
export function termsOf(v: ParticipationTerms): ParticipationTerms {
  return {
    exposureLimit: v.exposureLimit,
    monthlySubsidy: v.monthlySubsidy,
    settlementPeriod: v.settlementPeriod,
    paymentTermsDays: v.paymentTermsDays,
    graceDays: v.graceDays,
    subsidyMode: v.subsidyMode,
    monthlySalesPotential: v.monthlySalesPotential,
  };
}

/** The participation with the terms of the version in force on `date`. */
export function participationOn(
  row: ParticipationRow,
  versions: readonly (ParticipationTerms & { effectiveFrom: string })[],
  date: string,
): Participation {
  const t = termsOn(versions, date);
  // Spelled out rather than spread (several times slower for a network of rows).
  return {
    orgId: row.orgId,
    id: row.id,
    hubId: row.hubId,
    program: row.program,
    agreementNo: row.agreementNo,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: row.createdAt,
    endReason: row.endReason,
    endedBy: row.endedBy,
    endedAt: row.endedAt,
    exposureLimit: t.exposureLimit,
    monthlySubsidy: t.monthlySubsidy,
    settlementPeriod: t.settlementPeriod,
    paymentTermsDays: t.paymentTermsDays,
    graceDays: t.graceDays,
    subsidyMode: t.subsidyMode,
    monthlySalesPotential: t.monthlySalesPotential,
  };
}

/** Only the row's own columns (a full table row also carries the first version's terms). */
export function rowOf(p: ParticipationRow): ParticipationRow {
  // Spelled out (PARTICIPATION_ROW_COLUMNS' order): one object shape for every row of a network.
  return {
    orgId: p.orgId,
    id: p.id,
    hubId: p.hubId,
    program: p.program,
    agreementNo: p.agreementNo,
    startDate: p.startDate,
    endDate: p.endDate,
    createdAt: p.createdAt,
    endReason: p.endReason,
    endedBy: p.endedBy,
    endedAt: p.endedAt,
  };
}

const MAX_DAYS = 365;

/**
 * What is wrong with the given term values (paths as in the request body):
 * amounts are whole non-negative rupiah (the potential more than zero), days
 * whole numbers from 0 to 365, the period and mode one of their values.
 */
export function checkTermValues(t: Partial<ParticipationTerms>): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const money = (k: 'exposureLimit' | 'monthlySubsidy' | 'monthlySalesPotential', min: number) => {
    const v = t[k];
    if (v !== undefined && (!Number.isSafeInteger(v) || v < min))
      errors.push({
        path: `/${k}`,
        message: `harus rupiah bulat, paling kecil ${min}`,
        messageEn: `must be whole rupiah, at least ${min}`,
      });
  };
  money('exposureLimit', 0);
  money('monthlySubsidy', 0);
  money('monthlySalesPotential', 1);
  for (const k of ['paymentTermsDays', 'graceDays'] as const) {
    const v = t[k];
    if (v !== undefined && (!Number.isSafeInteger(v) || v < 0 || v > MAX_DAYS))
      errors.push({
        path: `/${k}`,
        message: `harus bilangan bulat hari, 0 sampai ${MAX_DAYS}`,
        messageEn: `must be a whole number of days from 0 to ${MAX_DAYS}`,
      });
  }
  if (t.settlementPeriod !== undefined && !['weekly', 'monthly'].includes(t.settlementPeriod))
    errors.push({
      path: '/settlementPeriod',
      message: 'harus mingguan (weekly) atau bulanan (monthly)',
      messageEn: 'must be weekly or monthly',
    });
  if (t.subsidyMode !== undefined && !['payout', 'net'].includes(t.subsidyMode))
    errors.push({
      path: '/subsidyMode',
      message: 'harus dibayarkan (payout) atau diperhitungkan (net)',
      messageEn: 'must be payout or net',
    });
  return errors;
}
