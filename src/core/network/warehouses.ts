import type { Db } from '../../db/database.ts';
import { findLocationsOfOrgs, insertLocations, type LocationTable } from '../inventory/index.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { loadHub } from './hub-profile.ts';

/** A hub warehouse; the first one (the oldest) is where a document goes when it names none. */
export interface Warehouse {
  id: string;
  name: string;
  address: string | null;
  isDefault: boolean;
}

/**
 * The hub's warehouses in the order they were created (their ids are UUIDv7),
 * so that adding one never changes which is the default.
 */
export function inCreationOrder(warehouses: LocationTable[]): LocationTable[] {
  return warehouses
    .filter((l) => l.kind === 'warehouse')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function listWarehouses(db: Db, hubId: string): Promise<Warehouse[]> {
  const locs = inCreationOrder(await findLocationsOfOrgs(db, [hubId]));
  return locs.map((l, i) => ({ id: l.id, name: l.name, address: l.address, isDefault: i === 0 }));
}

/**
 * Adds a warehouse to the hub. Keeps: a name of 1 to 100 characters that no
 * other location of the hub has, in any case (`AlreadyExists`).
 */
export async function createWarehouse(
  db: Db,
  hubId: string,
  input: { name: string; address?: string | null },
): Promise<Warehouse> {
  const name = input.name.trim();
  const address = input.address?.trim() || null;
  const errors: ErrorDetail[] = [];
  if (!name || name.length > 100)
    errors.push({
      path: '/name',
      message: 'wajib diisi, paling banyak 100 karakter',
      messageEn: 'required, at most 100 characters',
    });
  if (address && address.length > 300)
    errors.push({
      path: '/address',
      message: 'paling banyak 300 karakter',
      messageEn: 'at most 300 characters',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Gudang tidak valid: nama wajib diisi (paling banyak 100 karakter)',
      messageEn: 'Invalid warehouse: the name is required (at most 100 characters)',
      details: errors,
    });
  await loadHub(db, hubId);
  const locs = await findLocationsOfOrgs(db, [hubId]);
  if (locs.some((l) => l.name.toLowerCase() === name.toLowerCase()))
    throw new DomainError('AlreadyExists', {
      message: `Nama ${name} sudah dipakai lokasi lain hub ini`,
      messageEn: `The name ${name} is already used by another location of this hub`,
      details: [
        {
          path: '/name',
          message: 'hub ini sudah punya lokasi dengan nama ini',
          messageEn: 'a location of this hub has this name',
        },
      ],
    });
  const row: LocationTable = { id: newId(), orgId: hubId, kind: 'warehouse', name, address };
  await insertLocations(db, [row]);
  return { id: row.id, name, address, isDefault: !inCreationOrder(locs).length };
}
