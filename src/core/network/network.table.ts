export type OrgKind = 'hub' | 'cooperative' | 'government' | 'employer';

export interface OrganizationTable {
  id: string;
  kind: OrgKind;
  name: string;
  villageCode: string | null;
  villageName: string | null;
  districtCode: string | null;
  districtName: string | null;
  regencyCode: string | null;
  provinceCode: string | null;
  /** For government bodies: the Kemendagri code of the region they oversee. */
  regionCode: string | null;
  legalNumber: string | null;
  nikKoperasi: string | null;
  npwp: string | null;
  bankName: string | null;
  bankAccountNo: string | null;
  bankAccountName: string | null;
  /** The short code printed in document numbers (`KANA-JBI`); unique where set. */
  shortCode: string | null;
  /** The postal address (a hub's, printed on its documents). */
  address: string | null;
  /** A cooperative's payment reference for bank transfer remarks (`LMB15710110014`); unique. */
  paymentReference: string | null;
  status: 'active' | 'inactive';
  createdAt: string;
}

export type OfficerRole = 'ketua' | 'sekretaris' | 'bendahara' | 'pengawas';
export interface OfficerTable {
  orgId: string;
  id: string;
  role: OfficerRole;
  name: string;
  phone: string | null;
  /** The member this officer is (`member.id`), once the cooperative keeps its members. */
  memberId: string | null;
}

export type SettlementPeriod = 'weekly' | 'monthly';
export type SubsidyMode = 'payout' | 'net';
export interface ParticipationTable {
  orgId: string;
  id: string;
  hubId: string;
  program: string;
  agreementNo: string;
  startDate: string;
  endDate: string | null;
  /**
   * The terms as first agreed. Terms are versioned (`participation_terms`): read the version in
   * force on a document's date (`loadCooperativeContext` with `on`, `findParticipationOn`), never these.
   */
  exposureLimit: number;
  monthlySubsidy: number;
  settlementPeriod: SettlementPeriod;
  paymentTermsDays: number;
  graceDays: number;
  subsidyMode: SubsidyMode;
  createdAt: string;
  /** Why the hub ended the participation (`endParticipation`), who did, and when; null until then. */
  endReason: string | null;
  endedBy: string | null;
  endedAt: string | null;
}

export interface NetworkTables {
  organization: OrganizationTable;
  officer: OfficerTable;
  participation: ParticipationTable;
}
