export type { LocationKind, LocationTable } from './inventory.table.ts';
export { VALUED_LOCATION_KINDS, averageUnitCost, costOut, type Balance } from './stock.ts';
export {
  moveStock,
  balanceKey,
  type MoveBatch,
  type MoveInput,
  type MovedStock,
} from './move-stock.ts';
export {
  findBalancesForUpdate,
  findLocationById,
  findLocationsOfOrgs,
  findOpenDiscrepancies,
  findStockAtLocations,
  findStockAtNetworkLocations,
  findPlacesOfOrgs,
  findStockBalanceDrift,
  insertDiscrepancies,
  insertLocations,
  resolveDiscrepancies,
  sumStockValueByLocationKind,
} from './stock.repository.ts';
export { getStockOnHand, type StockOnHand } from './stock-on-hand.ts';
