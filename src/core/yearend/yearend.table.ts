/** The AD/ART's SHU split for one year; percentages in basis points (1 % = 100). */
export interface ShuRuleTable {
  orgId: string;
  year: number;
  /** JSON `[{key, basisPoints}]` adding up to 10000. */
  allocation: string;
  jasaUsahaBp: number;
  jasaModalBp: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** A closed fiscal year: postings dated on or before its last day are refused. */
export interface FiscalYearCloseTable {
  orgId: string;
  year: number;
  /** The closing entry's doc id (doc type `fiscal_year_close`). */
  id: string;
  /** SHU of the year (negative: a loss carried forward). */
  shu: number;
  /** JSON: the `shu_rule` row's split as it was at the close. */
  rules: string;
  /** JSON `[{key, basisPoints, amount}]`. */
  allocation: string;
  createdBy: string | null;
  createdAt: string;
}

/** One member's SHU of a closed year. */
export interface ShuMemberShareTable {
  orgId: string;
  year: number;
  memberId: string;
  purchases: number;
  savings: number;
  jasaUsaha: number;
  jasaModal: number;
  total: number;
}

export type ShuDistributionMethod = 'cash' | 'bank' | 'sukarela';

/** The members' SHU of a year paid out or credited to sukarela (doc type `shu_distribution`). */
export interface ShuDistributionTable {
  orgId: string;
  year: number;
  id: string;
  method: ShuDistributionMethod;
  paidOn: string;
  total: number;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}

export interface YearEndTables {
  shuRule: ShuRuleTable;
  fiscalYearClose: FiscalYearCloseTable;
  shuMemberShare: ShuMemberShareTable;
  shuDistribution: ShuDistributionTable;
}
