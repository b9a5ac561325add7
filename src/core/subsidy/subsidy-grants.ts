import type { Db } from '../../db/database.ts';
import { findCooperatives } from '../network/index.ts';
import { DomainError } from '../shared/errors.ts';
import { findGrantsOfCooperative, findGrantsOfRun, findSubsidyRun } from './subsidy.repository.ts';
import type { SubsidyGrantTable } from './subsidy.table.ts';

/** A subsidy decision as it is shown: `eligible` a boolean (the column keeps 0 or 1). */
export interface SubsidyGrant extends Omit<SubsidyGrantTable, 'eligible'> {
  eligible: boolean;
}

/** The one mapper of a subsidy grant row. */
export function toSubsidyGrant(row: SubsidyGrantTable): SubsidyGrant {
  return { ...row, eligible: row.eligible === 1 };
}

/** A cooperative's monthly subsidy decisions, newest month first. */
export async function listCooperativeSubsidies(db: Db, coopId: string): Promise<SubsidyGrant[]> {
  return (await findGrantsOfCooperative(db, coopId)).reverse().map(toSubsidyGrant);
}

export interface SubsidyRunView {
  runId: string;
  month: string;
  items: (SubsidyGrant & { cooperativeId: string; cooperativeName: string })[];
}

/** One month's run of the hub: every cooperative's decision, with its name; NotFound before the run. */
export async function getSubsidyRun(db: Db, hubId: string, month: string): Promise<SubsidyRunView> {
  const run = await findSubsidyRun(db, hubId, month);
  if (!run)
    throw new DomainError('NotFound', {
      message: `Belum ada proses subsidi untuk ${month}`,
      messageEn: `No subsidy run for ${month}`,
    });
  const grants = await findGrantsOfRun(db, hubId, run.id);
  const coops = await findCooperatives(db, { hubIds: [hubId], limit: 1_000_000 });
  const names = new Map(coops.map((c) => [c.id, c.name]));
  return {
    runId: run.id,
    month,
    items: grants.map((g) => ({
      ...toSubsidyGrant(g),
      cooperativeId: g.orgId,
      cooperativeName: names.get(g.orgId) ?? g.orgId,
    })),
  };
}
