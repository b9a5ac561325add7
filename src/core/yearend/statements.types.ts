/**
 * The SAK EP statements of one organization's books for a period, with the
 * previous period's figures (comparatives). Every amount is whole rupiah,
 * positive in the statement's own direction (a contra account, a loss or a
 * cash outflow is negative).
 */
export interface StatementLine {
  /** The account code, or a computed line's key (e.g. `shu_tahun_berjalan`). */
  code: string;
  name: string;
  amount: number;
}

export interface StatementSectionView {
  key: string;
  name: string;
  lines: StatementLine[];
  total: number;
}

export interface BalanceSheet {
  asOf: string;
  assets: number;
  liabilities: number;
  equity: number;
  /** Liabilities + equity: equals `assets`. */
  total: number;
  sections: StatementSectionView[];
}

export interface IncomeStatement {
  from: string;
  to: string;
  memberRevenue: number;
  nonMemberRevenue: number;
  subsidyRevenue: number;
  operatingRevenue: number;
  operatingExpenses: number;
  otherIncome: number;
  otherExpenses: number;
  shuBeforeTax: number;
  tax: number;
  /** SHU of the period: revenue − costs (incl. depreciation and tax). */
  shu: number;
  sections: StatementSectionView[];
}

export interface CashFlowStatement {
  from: string;
  to: string;
  openingCash: number;
  operating: number;
  investing: number;
  financing: number;
  netChange: number;
  /** openingCash + netChange: equals the cash and bank accounts at `to`. */
  closingCash: number;
  sections: StatementSectionView[];
}

export interface EquityChanges {
  from: string;
  to: string;
  opening: number;
  closing: number;
  /** One row per equity component: opening, movements, closing. */
  rows: {
    code: string;
    name: string;
    opening: number;
    increase: number;
    decrease: number;
    closing: number;
  }[];
}

export interface PeriodStatements {
  from: string;
  to: string;
  balanceSheet: BalanceSheet;
  incomeStatement: IncomeStatement;
  cashFlow: CashFlowStatement;
  equityChanges: EquityChanges;
}

export interface FinancialStatements extends PeriodStatements {
  orgId: string;
  orgName: string;
  /** The year asked for, when a whole year was. */
  year?: number;
  /** The same statements for the previous period of the same length. */
  comparative: PeriodStatements;
}
