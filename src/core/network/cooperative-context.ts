import type { Db } from '../../db/database.ts';
import { findLocationsOfOrgs, type LocationKind, type LocationTable } from '../inventory/index.ts';
import { DomainError } from '../shared/errors.ts';
import type { OrganizationTable, ParticipationTable } from './network.table.ts';
import { findOrganizationById, findParticipation } from './network.repository.ts';

/** A participating cooperative with its terms and the locations its documents move stock between. */
export interface CooperativeContext {
  coop: OrganizationTable;
  participation: ParticipationTable;
  hubId: string;
  store: LocationTable;
  transit: LocationTable;
  customer: LocationTable;
  loss: LocationTable;
  hubWarehouses: LocationTable[];
  hubLoss: LocationTable;
  hubSupplier: LocationTable;
}

function one(locs: LocationTable[], orgId: string, kind: LocationKind): LocationTable {
  const l = locs.find((x) => x.orgId === orgId && x.kind === kind);
  if (!l) throw new Error(`Organization ${orgId} has no ${kind} location`);
  return l;
}

/**
 * Loads a cooperative for a command. With `lock`, takes the cooperative's
 * participation lock (PostgreSQL) so that commands on one cooperative run one
 * after another.
 */
export async function loadCooperativeContext(
  db: Db,
  coopId: string,
  opts: { lock?: boolean; hubId?: string } = {},
): Promise<CooperativeContext> {
  const participation = await findParticipation(db, coopId, { lock: opts.lock, hubId: opts.hubId });
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', { message: 'Koperasi tidak ditemukan' });
  if (!participation)
    throw new DomainError('NotParticipating', {
      message: `${coop.name} belum menjadi peserta program konsinyasi`,
    });
  const locs = await findLocationsOfOrgs(db, [coopId, participation.hubId]);
  return {
    coop,
    participation,
    hubId: participation.hubId,
    store: one(locs, coopId, 'store'),
    transit: one(locs, coopId, 'transit'),
    customer: one(locs, coopId, 'customer'),
    loss: one(locs, coopId, 'loss'),
    hubWarehouses: locs
      .filter((l) => l.orgId === participation.hubId && l.kind === 'warehouse')
      .sort((a, b) => a.name.localeCompare(b.name)),
    hubLoss: one(locs, participation.hubId, 'loss'),
    hubSupplier: one(locs, participation.hubId, 'supplier'),
  };
}

/** The hub warehouse a document names, or the hub's first warehouse. */
export function pickWarehouse(
  warehouses: LocationTable[],
  warehouseId: string | undefined,
): LocationTable {
  const w = warehouseId ? warehouses.find((x) => x.id === warehouseId) : warehouses[0];
  if (!w) {
    throw new DomainError('ValidationFailed', {
      message: 'Gudang tidak ditemukan',
      details: [{ path: '/warehouseId', message: 'not a warehouse of this hub' }],
    });
  }
  return w;
}
