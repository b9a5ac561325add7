export type * from './network.table.ts';
export * from './network.service.ts';
export {
  findOrganizationById,
  lockOrganization,
  findOrganizationByVillageCode,
  findOrganizationsByKind,
  findParticipation,
  findParticipationsOfHub,
  findCooperatives,
  findNamesOfHubCooperatives,
  hasAnyOrganization,
  findOfficers,
  insertOfficers,
  updateOfficer,
  findPaymentReferences,
  type CooperativeFilter,
} from './network.repository.ts';
export { getCooperativeDetail, type CooperativeDetail } from './cooperative-detail.ts';
export { findOfficesOfHubAreas, hubServesRegion } from './hub-area.ts';
export { isPaymentReference, paymentReferenceOf } from './payment-reference.ts';
export {
  findProvince,
  findRegion,
  findVillage,
  listRegionsUnder,
  listVillagesIn,
  type Region,
  type SubRegion,
  type Village,
} from './regions.ts';
export {
  loadCooperativeContext,
  pickWarehouse,
  type CooperativeContext,
} from './cooperative-context.ts';
export type * from './qris-merchant.table.ts';
export { QRIS_CRITERIA } from './qris-merchant.table.ts';
export {
  checkQrisMerchant,
  getQrisMerchant,
  setQrisMerchant,
  type QrisMerchant,
  type QrisMerchantInput,
} from './qris-merchant.service.ts';
export { findQrisMerchant } from './qris-merchant.repository.ts';
export type * from './hub-settings.table.ts';
export {
  HUB_SETTING_BOUNDS,
  HUB_SETTING_DEFAULTS,
  HUB_SETTING_KEYS,
  getHubSettings,
  hubSettingsOn,
  updateHubSettings,
  type HubSettingChange,
  type HubSettingKey,
  type HubSettings,
  type HubSettingsView,
  type UpdateHubSettingsInput,
} from './hub-settings.ts';
export {
  SHORT_CODE_PATTERN,
  getHubProfile,
  updateHubProfile,
  type HubProfile,
  type UpdateHubProfileInput,
} from './hub-profile.ts';
export { createWarehouse, listWarehouses, type Warehouse } from './warehouses.ts';
export type * from './participation-terms.table.ts';
export {
  DEFAULT_MONTHLY_SALES_POTENTIAL,
  TERM_KEYS,
  participationOn,
  termsOn,
  type Participation,
  type ParticipationRow,
} from './participation-terms.ts';
export {
  findParticipationOn,
  findParticipationsOfHubOn,
  findTermsByParticipation,
  findTermsByParticipationOfHub,
  getParticipation,
  participationsOn,
  readHubParticipations,
  type HubParticipations,
  type ParticipationView,
  type TermsHistoryItem,
} from './participation-reads.ts';
export {
  checkDispatchWithin,
  endParticipation,
  updateParticipation,
  type UpdateParticipationInput,
} from './participation.service.ts';
