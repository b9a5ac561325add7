import type { Db } from '../../db/database.ts';
import { findParticipation } from '../network/index.ts';
import type { Scope } from '../shared/scope.ts';
import { toProgram } from './sembako.mappers.ts';
import { findParticipantOfUser, findPrograms } from './sembako.repository.ts';

/** Whether the caller reaches programs only as a participant (no office, hub, cooperative or program office). */
function participantOnly(scope: Scope): boolean {
  return (
    scope.programOrgIds.length === 0 &&
    scope.hubIds.length === 0 &&
    scope.cooperativeIds.length === 0 &&
    scope.officeIds.length === 0
  );
}

/**
 * The programs a caller takes part in, by name: those of the sponsors whose
 * program office they work for or whose participant they are, those their hub
 * supplies, and those of the hubs their cooperatives take part with. A
 * participant (and nothing else) sees only the programs whose roster holds
 * them (`userId`), not every program of their employer.
 */
export async function listProgramsInScope(db: Db, scope: Scope, userId: string) {
  const sponsors = [...scope.programOrgIds, ...scope.participantOrgIds];
  const hubs = [...scope.hubIds];
  for (const coopId of scope.cooperativeIds) {
    const p = await findParticipation(db, coopId);
    if (p) hubs.push(p.hubId);
  }
  const programs = await findPrograms(db, sponsors, hubs);
  if (!participantOnly(scope)) return programs.map(toProgram);
  const mine = [];
  for (const p of programs)
    if (await findParticipantOfUser(db, p.orgId, p.id, userId)) mine.push(p);
  return mine.map(toProgram);
}
