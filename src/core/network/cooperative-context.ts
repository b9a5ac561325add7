import type { Db } from '../../db/database.ts';
import { findLocationsOfOrgs, type LocationKind, type LocationTable } from '../inventory/index.ts';
import { DomainError } from '../shared/errors.ts';
import type { OrganizationTable } from './network.table.ts';
import { findOrganizationById, findParticipation } from './network.repository.ts';
import {
  participationOn,
  type Participation,
  type ParticipationRow,
} from './participation-terms.ts';
import { findTermsVersions } from './participation.repository.ts';
import { inCreationOrder } from './warehouses.ts';

/**
 * A participating cooperative and the locations its documents move stock
 * between; loaded `on` a date, its participation carries the terms in force
 * that day (`CooperativeContext<Participation>`).
 */
export interface CooperativeContext<P extends ParticipationRow = ParticipationRow> {
  coop: OrganizationTable;
  participation: P;
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

interface LoadOptions {
  lock?: boolean;
  hubId?: string;
  /** The document's date: the participation gets the terms in force on it. */
  on?: string;
}

/**
 * Loads a cooperative for a command. With `lock`, takes the cooperative's
 * participation lock (PostgreSQL) so that commands on one cooperative run one
 * after another. With `on`, its participation carries the version of the
 * terms in force on that date (a dispatch's date, a period's end, today for
 * the exposure meter).
 */
export async function loadCooperativeContext(
  db: Db,
  coopId: string,
  opts: LoadOptions & { on: string },
): Promise<CooperativeContext<Participation>>;
export async function loadCooperativeContext(
  db: Db,
  coopId: string,
  opts?: LoadOptions,
): Promise<CooperativeContext>;
export async function loadCooperativeContext(
  db: Db,
  coopId: string,
  opts: LoadOptions = {},
): Promise<CooperativeContext> {
  const row = await findParticipation(db, coopId, { lock: opts.lock, hubId: opts.hubId });
  const coop = await findOrganizationById(db, coopId);
  if (!coop || coop.kind !== 'cooperative')
    throw new DomainError('NotFound', { message: 'Koperasi tidak ditemukan' });
  if (!row)
    throw new DomainError('NotParticipating', {
      message: `${coop.name} belum menjadi peserta program konsinyasi`,
    });
  const participation = opts.on
    ? participationOn(row, await findTermsVersions(db, coopId, row.id), opts.on)
    : row;
  const locs = await findLocationsOfOrgs(db, [coopId, participation.hubId]);
  return {
    coop,
    participation,
    hubId: participation.hubId,
    store: one(locs, coopId, 'store'),
    transit: one(locs, coopId, 'transit'),
    customer: one(locs, coopId, 'customer'),
    loss: one(locs, coopId, 'loss'),
    hubWarehouses: inCreationOrder(locs.filter((l) => l.orgId === participation.hubId)),
    hubLoss: one(locs, participation.hubId, 'loss'),
    hubSupplier: one(locs, participation.hubId, 'supplier'),
  };
}

/**
 * The hub warehouse a document names, or the hub's first (oldest) warehouse.
 * A hub without any warehouse is told where to add one.
 */
export function pickWarehouse(
  warehouses: LocationTable[],
  warehouseId: string | undefined,
): LocationTable {
  const ordered = inCreationOrder(warehouses);
  if (ordered.length === 0)
    throw new DomainError('InvalidState', {
      message: 'Hub belum punya gudang: tambahkan gudang di menu Pengaturan (/pengaturan)',
      messageEn: 'The hub has no warehouse yet: add one under Settings (/pengaturan)',
      details: [
        {
          path: '/warehouseId',
          message: 'hub belum punya gudang',
          messageEn: 'the hub has no warehouse',
        },
      ],
    });
  const w = warehouseId ? ordered.find((x) => x.id === warehouseId) : ordered[0];
  if (!w) {
    throw new DomainError('ValidationFailed', {
      message: 'Gudang tidak ditemukan di hub ini',
      messageEn: 'No such warehouse at this hub',
      details: [
        {
          path: '/warehouseId',
          message: 'bukan gudang hub ini',
          messageEn: 'not a warehouse of this hub',
        },
      ],
    });
  }
  return w;
}
