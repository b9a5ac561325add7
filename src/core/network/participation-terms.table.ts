import type { SettlementPeriod, SubsidyMode } from './network.table.ts';

/** Every term of a participation that changes over time, as one version holds them. */
export interface ParticipationTerms {
  exposureLimit: number;
  monthlySubsidy: number;
  settlementPeriod: SettlementPeriod;
  paymentTermsDays: number;
  graceDays: number;
  subsidyMode: SubsidyMode;
  /** What the cooperative could sell in a month (rupiah): the dashboards' yardstick. */
  monthlySalesPotential: number;
}

/**
 * One version of a participation's terms: all of them, in force from
 * `effectiveFrom` (WIB business date) until the next version's date. The
 * primary key (cooperative, participation, date) holds one version per day.
 */
export interface ParticipationTermsTable extends ParticipationTerms {
  /** The cooperative's organization id (the tenant). */
  orgId: string;
  participationId: string;
  effectiveFrom: string;
  reason: string;
  /** The user who made the change; null for the versions written before terms were versioned. */
  changedBy: string | null;
  createdAt: string;
}

export interface ParticipationTermsTables {
  participationTerms: ParticipationTermsTable;
}
