export type * from './network.table.ts';
export * from './network.service.ts';
export {
  findOrganizationById,
  findOrganizationByVillageCode,
  findOrganizationsByKind,
  findParticipation,
  findParticipationsOfHub,
  findCooperatives,
  hasAnyOrganization,
  findOfficers,
  insertOfficers,
  updateOfficer,
  findNetworkOrgIds,
  type CooperativeFilter,
} from './network.repository.ts';
export { getCooperativeDetail, type CooperativeDetail } from './cooperative-detail.ts';
export {
  findProvince,
  findRegion,
  findVillage,
  listVillagesIn,
  type Region,
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
