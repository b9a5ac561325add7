import type { Db } from '../../db/database.ts';
import { findOfficers } from './network.repository.ts';
import type { OfficerTable, OrganizationTable } from './network.table.ts';
import { findParticipationOn } from './participation-reads.ts';
import type { Participation } from './participation-terms.ts';

/**
 * A cooperative with its participation and the terms in force today (null
 * when it takes part in no hub's program) and officers.
 */
export interface CooperativeDetail extends OrganizationTable {
  participation: Participation | null;
  officers: OfficerTable[];
}

/** The cooperative's detail: the organization row, its participation and its officers. */
export async function getCooperativeDetail(
  db: Db,
  coop: OrganizationTable,
  today: string,
): Promise<CooperativeDetail> {
  const [participation, officers] = await Promise.all([
    findParticipationOn(db, coop.id, today),
    findOfficers(db, coop.id),
  ]);
  return { ...coop, participation: participation ?? null, officers };
}
