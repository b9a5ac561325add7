export type * from './sembako.table.ts';
export { allocateLargestRemainder, splitPackagePrice } from './allocation.ts';
export { nipErrors, isValidNip, nipParts } from './nip.ts';
export { parseCsv, toCsv } from '../shared/csv.ts';
export { writeXlsx } from '../shared/xlsx.ts';
export {
  createProgram,
  createProgramPeriod,
  listProgramPeriods,
  loadProgram,
  type PeriodInput,
  type ProgramInput,
} from './program.service.ts';
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
  issueActivationCodes,
  activationCodesCsv,
  activateParticipant,
  hashActivationCode,
} from './activation.ts';
export { markParticipantActivated } from './sembako.repository.ts';
export { listParticipantOrders, listParticipantDeductions } from './my-account.ts';
export {
  findParticipantOfUser,
  findParticipant,
  findOrganizationNames,
} from './sembako.repository.ts';
export { findOrderForPickup, getProgramDirectory, normalizePickupCode } from './pickup-lookup.ts';
export { listProgramsInScope } from './program-list.ts';
export { toProgram, toSponsorPayment } from './sembako.mappers.ts';
