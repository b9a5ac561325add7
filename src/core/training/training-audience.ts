import type { Db } from '../../db/database.ts';
import { findOrganizationsByKind } from '../network/index.ts';
import type { Scope } from '../shared/scope.ts';
import { findRegionCooperatives, type RegionScope } from '../region/index.ts';
import type { Clock } from '../shared/clock.ts';
import { findTrainingEvents } from './training.repository.ts';
import {
  getTrainingCoverage,
  getTrainingEvent,
  type TrainingCoverage,
  type TrainingEventDetail,
} from './training.service.ts';

/** What a caller reads of training. */
export interface TrainingAudience {
  /** Offices whose events the caller reads. */
  organizerIds: string[];
  /** Only these cooperatives' participants (a hub's network); undefined = all of the event. */
  coopIds?: string[];
  /** The cooperatives the coverage covers. */
  scope: RegionScope;
}

/**
 * What a caller's scope reads of training: an office its own events, every
 * participant, coverage over its region; a hub admin the events of the
 * offices whose region holds its network's cooperatives, with only those
 * cooperatives' officers, coverage over its network.
 */
export async function trainingAudienceOf(db: Db, scope: Scope): Promise<TrainingAudience> {
  if (scope.officeIds.length)
    return { organizerIds: scope.officeIds, scope: { regionCodes: scope.regionCodes } };
  const { hubIds } = scope;
  const coops = await findRegionCooperatives(db, { hubIds });
  const govs = await findOrganizationsByKind(db, 'government');
  // Every region code a cooperative's village lies in (each prefix of its code before a dot).
  const regions = new Set<string>();
  for (const { villageCode: v } of coops)
    for (let i = v ? v.indexOf('.') : -1; v && i !== -1; i = v.indexOf('.', i + 1))
      regions.add(v.slice(0, i));
  const organizerIds = govs
    .filter((g) => g.regionCode && regions.has(g.regionCode))
    .map((g) => g.id);
  return { organizerIds, coopIds: coops.map((c) => c.id), scope: { hubIds } };
}

/** The training events a scope reads, newest first, with officers invited and attending (of its audience). */
export async function readTrainingEvents(db: Db, scope: Scope) {
  const a = await trainingAudienceOf(db, scope);
  const rows = await findTrainingEvents(db, a.organizerIds, a.coopIds);
  return rows.map((r) => ({
    id: r.id,
    organizerId: r.orgId,
    title: r.title,
    date: r.eventDate,
    venue: r.venue,
    organizerName: r.organizerName,
    materials: r.materials,
    createdAt: r.createdAt,
    invited: Number(r.invited),
    attended: Number(r.attended),
    cooperatives: Number(r.cooperatives),
  }));
}

/** One event the scope reads, with the participants of its audience; NotFound otherwise. */
export async function readTrainingEvent(
  db: Db,
  scope: Scope,
  id: string,
): Promise<TrainingEventDetail> {
  const a = await trainingAudienceOf(db, scope);
  return getTrainingEvent(db, a.organizerIds, id, a.coopIds);
}

/** Training coverage of the scope's cooperatives over its audience's events. */
export async function readTrainingCoverage(
  db: Db,
  clock: Clock,
  scope: Scope,
): Promise<TrainingCoverage> {
  const a = await trainingAudienceOf(db, scope);
  return getTrainingCoverage(db, clock, a.organizerIds, a.scope);
}
