export type * from './sembako.table.ts';
export { allocateLargestRemainder, splitPackagePrice } from './allocation.ts';
export { nipErrors, isValidNip, nipParts } from './nip.ts';
export { parseCsv, toCsv } from '../shared/csv.ts';
export { writeXlsx } from '../shared/xlsx.ts';
export {
  createProgramPeriod,
  listProgramPeriods,
  loadProgram,
  type PeriodInput,
} from './program.service.ts';
export {
  createProgram,
  updateProgram,
  FAILED_DEDUCTION_HANDLINGS,
  type ProgramInput,
  type ProgramSettings,
} from './program-settings.ts';
export { importParticipants, ROSTER_COLUMNS, type ImportResult } from './import-participants.ts';
export {
  placeOrder,
  cancelOrder,
  pickupOrder,
  findProgramOrder,
  newPickupCode,
  pickupQrPayload,
  type OrderInput,
  type PlacedOrder,
} from './orders.ts';
export { getPeriodDemand, proposeDeliveryOrders } from './demand.ts';
export { listPayrollDeductions, payrollCsv, payrollXlsx, importPayrollResults } from './payroll.ts';
export {
  recordSponsorPayment,
  getProgramReconciliation,
  sharePaymentId,
} from './sponsor-payment.ts';
export { loadPeriodAccounts } from './period-accounts.ts';
export {
  activationCodeSummary,
  issueActivationCodes,
  reissueParticipantCode,
  activationCodesCsv,
  activateParticipant,
  hashActivationCode,
} from './activation.ts';
export { markParticipantActivated } from './sembako.repository.ts';
export { listParticipantOrders } from './my-account.ts';
export {
  listParticipantDeductions,
  listParticipants,
  type ParticipantQuery,
} from './participant-accounts.ts';
export {
  recordPayrollAuthorization,
  getPayrollAuthorizationScan,
  MAX_SCAN_BYTES,
  type PayrollAuthorizationInput,
} from './payroll-authorization.ts';
export {
  findParticipantOfUser,
  findParticipant,
  findOrganizationNames,
} from './sembako.repository.ts';
export { findOrderForPickup, getProgramDirectory, normalizePickupCode } from './pickup-lookup.ts';
export { listProgramsInScope } from './program-list.ts';
export { toProgram, toSponsorPayment } from './sembako.mappers.ts';
