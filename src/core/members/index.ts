export type * from './members.table.ts';
// The registry (MEMBERS).
export {
  createMember,
  getMember,
  loadMember,
  memberViewOf,
  updateMember,
  type CreateMemberInput,
  type MemberView,
  type UpdateMemberInput,
} from './members.service.ts';
export {
  getMemberDirectory,
  listMembers,
  type DirectoryItem,
  type MemberListItem,
} from './member-reads.ts';
export {
  MEMBER_COLUMNS,
  MEMBER_COLUMN_ALIASES,
  MEMBER_FILE_COLUMNS,
  importMembers,
  readMemberFile,
  type MemberImportResult,
} from './import-members.ts';
export { exportMembers } from './export-members.ts';
export { assignMemberRole } from './member-officers.ts';
export { cardCodeOf, formatMemberNo, phoneForm } from './member-rules.ts';
export { checkNik, loadDistrictCodes, nikReasons, type NikCheck, type NikFacts } from './nik.ts';
// Savings (SAVINGS).
export {
  getSavingsRules,
  setSavingsRules,
  type SavingsRule,
  type SavingsRules,
} from './savings-rules.ts';
export {
  SAVINGS_ACCOUNT,
  SAVINGS_KINDS,
  checkSavingsRight,
  savingsEntryLines,
  type SavingsRecorder,
} from './savings-postings.ts';
export {
  recordSavings,
  type SavingsBalance,
  type SavingsInput,
  type SavingsResult,
} from './savings.service.ts';
export { getMemberSavings, type MemberSavings, type SavingsLine } from './savings-reads.ts';
export { getPassbook, type Passbook, type PassbookRow } from './passbook.ts';
export { runWajibBilling, type WajibBillingResult } from './wajib-billing.ts';
export {
  dateDdMmYyyy,
  listSavingsArrears,
  type ArrearsItem,
  type SavingsArrears,
} from './wajib-arrears.ts';
export {
  endMembership,
  withdrawAllSavings,
  withdrawalIdOf,
  type EndMembershipInput,
  type EndMembershipResult,
} from './end-membership.ts';
export { findSavingsLedgerProblems } from './savings-checks.ts';
export {
  findCooperativesWithSavingsRules,
  insertSavingsTransaction,
} from './savings.repository.ts';
