import type { FixedAssetTable } from '../ledger/index.ts';
import type { OfficerRole } from '../network/index.ts';
import type { ShuResult } from './shu.types.ts';
import type { FinancialStatements } from './statements.types.ts';

/** Figures for the notes to the statements (catatan atas laporan keuangan), read from the books. */
export interface RatPackNotes {
  /** The hub's goods in the cooperative's store at year end, at the consignment price of that day. */
  consignedStockValue: number;
  consignedStockUnits: number;
  memberCommission: number;
  nonMemberCommission: number;
  /** Operational subsidy received in the year (4201). */
  subsidy: number;
  savings: { pokok: number; wajib: number; sukarela: number };
  membersAtStart: number;
  membersAtEnd: number;
  fixedAssets: Pick<
    FixedAssetTable,
    'name' | 'accountCode' | 'acquiredOn' | 'cost' | 'residualValue' | 'usefulLifeMonths'
  >[];
  /** Depreciation expense of the year (5105). */
  depreciation: number;
}

export interface RatPackSignatory {
  role: OfficerRole;
  title: string;
  /** The officer's name; null when the cooperative has none on record (a blank line is printed). */
  name: string | null;
}

/**
 * Everything the members' annual meeting (RAT) is shown for one fiscal year:
 * the final figures of a closed year, or a draft from the SHU simulation.
 */
export interface RatPack {
  status: 'final' | 'draft';
  year: number;
  /** The day the pack was made (WIB). */
  today: string;
  cooperative: {
    id: string;
    name: string;
    legalNumber: string | null;
    villageName: string | null;
    districtName: string | null;
  };
  statements: FinancialStatements;
  shu: ShuResult;
  notes: RatPackNotes;
  signatories: RatPackSignatory[];
}
