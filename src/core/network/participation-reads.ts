import type { Db } from '../../db/database.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { findParticipation, findParticipationsOfHub } from './network.repository.ts';
import {
  participationOn,
  termsOf,
  termsOn,
  type Participation,
  type ParticipationRow,
} from './participation-terms.ts';
import type { ParticipationTerms, ParticipationTermsTable } from './participation-terms.table.ts';
import {
  findTermsOfCooperatives,
  findTermsOfHub,
  findTermsVersions,
} from './participation.repository.ts';

/** The cooperative's participation with the terms in force on `date` (undefined when it takes part in none). */
export async function findParticipationOn(
  db: Db,
  coopId: string,
  date: string,
  opts: { hubId?: string; lock?: boolean } = {},
): Promise<Participation | undefined> {
  const row = await findParticipation(db, coopId, opts);
  if (!row) return undefined;
  return participationOn(row, await findTermsVersions(db, coopId, row.id), date);
}

/** Versions of terms by participation id, each list oldest first. */
export function groupByParticipation(
  versions: ParticipationTermsTable[],
): Map<string, ParticipationTermsTable[]> {
  const out = new Map<string, ParticipationTermsTable[]>();
  for (const v of versions) {
    const list = out.get(v.participationId);
    if (list) list.push(v);
    else out.set(v.participationId, [v]);
  }
  return out;
}

/** Every version of the terms of a hub's participations, by participation id (oldest first). */
export async function findTermsByParticipationOfHub(db: Db, hubId: string) {
  return groupByParticipation(await findTermsOfHub(db, hubId));
}

/** Every version of the terms of these cooperatives' participations, by participation id (oldest first). */
export async function findTermsByParticipation(db: Db, coopIds: string[]) {
  return groupByParticipation(await findTermsOfCooperatives(db, coopIds));
}

/** A hub's participations (by cooperative) and every version of their terms (by participation id). */
export interface HubParticipations {
  rows: ParticipationRow[];
  terms: Map<string, ParticipationTermsTable[]>;
}

/**
 * The hub's participations and their terms in two reads: what the network's reads of many
 * dates start from (a read across them, the hub's summary, reads it once and hands it on).
 */
export async function readHubParticipations(db: Db, hubId: string): Promise<HubParticipations> {
  const [rows, terms] = await Promise.all([
    findParticipationsOfHub(db, hubId),
    findTermsByParticipationOfHub(db, hubId),
  ]);
  return { rows, terms };
}

/** Each participation with the terms in force on `date`. */
export function participationsOn(hub: HubParticipations, date: string): Participation[] {
  // Worked out once per read of the hub and day (the summary's forecast and exposures both ask).
  const byDate = onDate.get(hub) ?? new Map<string, Participation[]>();
  onDate.set(hub, byDate);
  const known = byDate.get(date);
  if (known) return [...known];
  const list = hub.rows.map((r) => participationOn(r, hub.terms.get(r.id) ?? [], date));
  byDate.set(date, list);
  return [...list];
}

const onDate = new WeakMap<HubParticipations, Map<string, Participation[]>>();

/** The hub's participations, each with the terms in force on `date`, in two reads. */
export async function findParticipationsOfHubOn(
  db: Db,
  hubId: string,
  date: string,
): Promise<Participation[]> {
  return participationsOn(await readHubParticipations(db, hubId), date);
}

/** One version of the terms as the history lists it. */
export interface TermsHistoryItem extends ParticipationTerms {
  effectiveFrom: string;
  reason: string;
  /** The user who made the change; null for the first version of a participation entered before versioning. */
  changedBy: string | null;
  changedByName: string | null;
  /** When the change was recorded (instant). */
  createdAt: string;
}

/** A participation as its screen shows it: the terms in force today, the end if any, every version. */
export interface ParticipationView extends ParticipationTerms {
  id: string;
  cooperativeId: string;
  hubId: string;
  agreementNo: string;
  startDate: string;
  endDate?: string;
  endReason?: string;
  endedBy?: string;
  /** From when the terms in force today apply. */
  termsFrom: string;
  /** Every version, the latest effective date first (later ones may not be in force yet). */
  history: TermsHistoryItem[];
}

/** The participation's view on `today`, from its row and versions. */
export function participationView(
  row: ParticipationRow,
  versions: Awaited<ReturnType<typeof findTermsVersions>>,
  today: string,
): ParticipationView {
  const now = termsOn(versions, today);
  return {
    id: row.id,
    cooperativeId: row.orgId,
    hubId: row.hubId,
    agreementNo: row.agreementNo,
    startDate: row.startDate,
    ...(row.endDate ? { endDate: row.endDate } : {}),
    ...(row.endReason ? { endReason: row.endReason } : {}),
    ...(row.endedBy ? { endedBy: row.endedBy } : {}),
    ...termsOf(now),
    termsFrom: now.effectiveFrom,
    history: [...versions].reverse().map((v) => ({
      effectiveFrom: v.effectiveFrom,
      ...termsOf(v),
      reason: v.reason,
      changedBy: v.changedBy,
      changedByName: v.changedByName,
      createdAt: v.createdAt,
    })),
  };
}

/** The cooperative's participation: NotFound when it takes part in no hub's program. */
export async function loadParticipationRow(
  db: Db,
  coopId: string,
  opts: { lock?: boolean } = {},
): Promise<ParticipationRow> {
  const row = await findParticipation(db, coopId, opts);
  if (!row)
    throw new DomainError('NotFound', {
      message: 'Koperasi belum menjadi peserta program konsinyasi',
      messageEn: 'The cooperative takes part in no consignment program',
    });
  return row;
}

/** The terms in force today and their history (`getParticipation`). */
export async function getParticipation(
  db: Db,
  clock: Clock,
  coopId: string,
): Promise<ParticipationView> {
  const row = await loadParticipationRow(db, coopId);
  return participationView(row, await findTermsVersions(db, coopId, row.id), todayWib(clock));
}
