import type { Db } from '../../db/database.ts';
import { findOfficers, findParticipation } from './network.repository.ts';
import type { OfficerTable, OrganizationTable, ParticipationTable } from './network.table.ts';

/** A cooperative with its participation (null when it takes part in no hub's program) and officers. */
export interface CooperativeDetail extends OrganizationTable {
  participation: ParticipationTable | null;
  officers: OfficerTable[];
}

/** The cooperative's detail: the organization row, its participation and its officers. */
export async function getCooperativeDetail(
  db: Db,
  coop: OrganizationTable,
): Promise<CooperativeDetail> {
  const [participation, officers] = await Promise.all([
    findParticipation(db, coop.id),
    findOfficers(db, coop.id),
  ]);
  return { ...coop, participation: participation ?? null, officers };
}
