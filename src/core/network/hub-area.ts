import type { Db } from '../../db/database.ts';
import {
  findCooperatives,
  findOrganizationById,
  findOrganizationsByKinds,
} from './network.repository.ts';
import type { OrganizationTable } from './network.table.ts';

/** Whether a Kemendagri code lies in a region (`15.71.01` in `15.71`, and a region in itself). */
const within = (code: string, region: string) => code === region || code.startsWith(`${region}.`);

/** What a hub's area is made of: its own region and the villages of its network's cooperatives. */
async function areaOf(db: Db, hubId: string) {
  const hub = await findOrganizationById(db, hubId);
  // findCooperatives joins its filters with OR: read the hub's network, then look at the villages.
  const network = await findCooperatives(db, { hubIds: [hubId], limit: 100_000 });
  return {
    regionCode: hub?.regionCode ?? null,
    villageCodes: network.flatMap((c) => (c.villageCode ? [c.villageCode] : [])),
  };
}

function servesRegion(area: Awaited<ReturnType<typeof areaOf>>, regionCode: string | null) {
  if (!regionCode) return false;
  const own = area.regionCode;
  if (own && (within(own, regionCode) || within(regionCode, own))) return true;
  return area.villageCodes.some((v) => within(v, regionCode));
}

/**
 * Whether a hub's area and a region meet: the hub's region and the region overlap, or a
 * cooperative of the hub's network lies in it. A hub admin sets up the offices and employers
 * (and their users) of its own area.
 */
export async function hubServesRegion(db: Db, hubId: string, regionCode: string | null) {
  return servesRegion(await areaOf(db, hubId), regionCode);
}

/** The government bodies and employers in the areas of the hubs (see {@link hubServesRegion}). */
export async function findOfficesOfHubAreas(
  db: Db,
  hubIds: string[],
): Promise<OrganizationTable[]> {
  if (hubIds.length === 0) return [];
  const areas = await Promise.all(hubIds.map((id) => areaOf(db, id)));
  const offices = await findOrganizationsByKinds(db, ['government', 'employer']);
  return offices.filter((o) => areas.some((a) => servesRegion(a, o.regionCode)));
}
