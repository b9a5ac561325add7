/** The keys an AD/ART splits SHU by. */
export const SHU_KEYS = [
  'cadangan',
  'jasa_anggota',
  'pengurus',
  'karyawan',
  'pendidikan',
  'sosial',
  'pembangunan_daerah',
] as const;
export type ShuKey = (typeof SHU_KEYS)[number];

/** A year's SHU split as the API gives it: percentages (up to 2 decimals). */
export interface ShuRules {
  year: number;
  allocation: { key: ShuKey; percent: number }[];
  jasaUsahaPercent: number;
  jasaModalPercent: number;
}

export interface ShuMemberView {
  memberId: string;
  memberNo: string;
  name: string;
  purchases: number;
  savings: number;
  jasaUsaha: number;
  jasaModal: number;
  total: number;
}

/** A year's SHU and its split: the close's result, or a simulation of it. */
export interface ShuResult {
  year: number;
  /** SHU of the year from the books (negative: a loss, nothing divided). */
  shu: number;
  rules: ShuRules;
  allocation: { key: ShuKey; percent: number; amount: number }[];
  jasaUsaha: number;
  jasaModal: number;
  /** Jasa that could not be divided (no member bought, or none saved): it goes to cadangan. */
  undivided: number;
  /** A simulation of a year not yet ended: the books to date. */
  estimate?: boolean;
  totalPurchases: number;
  totalSavings: number;
  members: ShuMemberView[];
}

export interface FiscalYearView extends ShuResult {
  status: 'closed';
  closedAt: string;
  closeId: string;
  distribution: {
    id: string;
    method: 'cash' | 'bank' | 'sukarela';
    paidOn: string;
    total: number;
  } | null;
}
