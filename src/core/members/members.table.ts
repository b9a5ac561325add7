export type MemberStatus = 'active' | 'left' | 'deceased';
export type MemberRole = 'ketua' | 'sekretaris' | 'bendahara' | 'pengawas';
export type Gender = 'L' | 'P';

/** A member of a cooperative (`org_id`): one per NIK and cooperative. */
export interface MemberTable {
  orgId: string;
  id: string;
  /** Numbered in the order members joined, unique per cooperative ("0001"). */
  memberNo: string;
  nik: string;
  name: string;
  /** From the NIK: day of birth + 40 marks a woman. */
  gender: Gender;
  /** From the NIK, `YYYY-MM-DD`. */
  birthDate: string;
  joinedOn: string;
  status: MemberStatus;
  leftOn: string | null;
  phone: string | null;
  address: string | null;
  /** The officer position the member holds, if any. */
  role: MemberRole | null;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The AD/ART's savings amounts in force from `effectiveFrom`. */
export interface SavingsRuleTable {
  orgId: string;
  effectiveFrom: string;
  pokok: number;
  wajibMonthly: number;
  createdBy: string | null;
  createdAt: string;
}

export type SavingsKind = 'pokok' | 'wajib' | 'sukarela';
export type SavingsDirection = 'deposit' | 'withdrawal';
export type SavingsMethod = 'cash' | 'qris' | 'transfer' | 'payroll';

/** One deposit or withdrawal of a member's simpanan; posted under doc type `savings`, doc id `id`. */
export interface SavingsTransactionTable {
  orgId: string;
  id: string;
  memberId: string;
  kind: SavingsKind;
  direction: SavingsDirection;
  /** Always positive; `direction` gives the sign. */
  amount: number;
  txDate: string;
  method: SavingsMethod;
  note: string | null;
  contentHash: string;
  createdBy: string | null;
  createdAt: string;
}

/** What the monthly wajib billing asked of a member for `month` (`YYYY-MM`). */
export interface WajibBillTable {
  orgId: string;
  memberId: string;
  month: string;
  amount: number;
  createdAt: string;
}

export interface MembersTables {
  member: MemberTable;
  savingsRule: SavingsRuleTable;
  savingsTransaction: SavingsTransactionTable;
  wajibBill: WajibBillTable;
}
