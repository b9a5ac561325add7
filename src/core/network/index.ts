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
  type CooperativeFilter,
} from './network.repository.ts';
export { findVillage, listVillagesIn, type Village } from './regions.ts';
export {
  loadCooperativeContext,
  pickWarehouse,
  type CooperativeContext,
} from './cooperative-context.ts';
