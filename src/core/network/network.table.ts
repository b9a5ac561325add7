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
  exposureLimit: number;
  monthlySubsidy: number;
  settlementPeriod: SettlementPeriod;
  paymentTermsDays: number;
  graceDays: number;
  subsidyMode: SubsidyMode;
  createdAt: string;
}

export interface NetworkTables {
  organization: OrganizationTable;
  officer: OfficerTable;
  participation: ParticipationTable;
}
