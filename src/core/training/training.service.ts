import type { Db } from '../../db/database.ts';
import { findOrganizationById } from '../network/index.ts';
import { getRegionOverview, type RegionScope } from '../region/index.ts';
import { isValidBusinessDate } from '../shared/business-date.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, newId } from '../shared/ids.ts';
import {
  findTrainingEvent,
  findTrainingParticipants,
  insertTrainingEvent,
  insertTrainingParticipants,
  sumTrainingByCooperative,
  updateTrainingParticipant,
} from './training.repository.ts';
import {
  TRAINING_POSITIONS,
  type TrainingEventTable,
  type TrainingParticipantTable,
  type TrainingPosition,
} from './training.table.ts';

export interface TrainingEventInput {
  /** Client id (UUID): a replay with the same content returns the first event. */
  id: string;
  title: string;
  date: string;
  venue: string;
  organizerName: string;
  materials?: string;
}

export interface ParticipantInput {
  /** The participant's id; without one, the officer is matched by cooperative and name. */
  id?: string;
  cooperativeId: string;
  name: string;
  position: TrainingPosition;
  attended?: boolean;
  preScore?: number | null;
  postScore?: number | null;
}

export interface TrainingParticipant {
  id: string;
  cooperativeId: string;
  cooperativeName: string;
  districtName: string;
  name: string;
  position: TrainingPosition;
  attended: boolean;
  preScore: number | null;
  postScore: number | null;
  updatedAt: string;
}

export interface TrainingEventDetail {
  id: string;
  organizerId: string;
  title: string;
  date: string;
  venue: string;
  organizerName: string;
  materials: string | null;
  createdAt: string;
  participants: TrainingParticipant[];
}

function invalid(message: string, messageEn: string, errors: ErrorDetail[]): never {
  throw new DomainError('ValidationFailed', {
    message: message,
    messageEn: messageEn,
    details: errors,
  });
}

/** A test score is a whole number from 0 to 100, or absent. */
export function isValidScore(score: number | null | undefined): boolean {
  return score == null || (Number.isInteger(score) && score >= 0 && score <= 100);
}

/** The mean of whole-number scores, to one decimal place (half up); null without scores. */
export function averageScoreOneDecimal(sum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((sum * 10) / count) / 10;
}

async function loadOrganizer(db: Db, organizerId: string) {
  const org = await findOrganizationById(db, organizerId);
  if (!org || org.kind !== 'government')
    throw new DomainError('NotFound', {
      message: 'Dinas penyelenggara tidak ditemukan',
      messageEn: 'Organizing office not found',
    });
  return org;
}

/**
 * Records a training event of the office `organizerId`. Keeps: one event per
 * client id (the primary key); a replay with the same content returns the
 * first event, with other content it is an IdempotencyConflict. The date may
 * lie ahead: events are planned before they happen.
 */
export async function createTrainingEvent(
  db: Db,
  ctx: CommandContext,
  organizerId: string,
  input: TrainingEventInput,
): Promise<{ event: TrainingEventTable; created: boolean }> {
  await loadOrganizer(db, organizerId);
  const title = input.title.trim();
  const venue = input.venue.trim();
  const organizerName = input.organizerName.trim();
  const materials = input.materials?.trim() || null;
  const errors: ErrorDetail[] = [];
  if (!title) errors.push({ path: '/title', message: 'wajib diisi', messageEn: 'required' });
  if (!venue) errors.push({ path: '/venue', message: 'wajib diisi', messageEn: 'required' });
  if (!organizerName)
    errors.push({ path: '/organizerName', message: 'wajib diisi', messageEn: 'required' });
  if (!isValidBusinessDate(input.date))
    errors.push({
      path: '/date',
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be a date YYYY-MM-DD',
    });
  if (errors.length)
    invalid('Data pelatihan tidak lengkap atau tidak valid', 'Training data is invalid', errors);
  const hash = contentHash({ title, date: input.date, venue, organizerName, materials });
  const existing = await findTrainingEvent(db, [organizerId], input.id);
  if (isReplay(existing, hash, 'Pelatihan')) return { event: existing!, created: false };
  const row: TrainingEventTable = {
    orgId: organizerId,
    id: input.id,
    title,
    eventDate: input.date,
    venue,
    organizerName,
    materials,
    contentHash: hash,
    createdAt: ctx.clock.now().toISOString(),
    createdBy: ctx.actor?.userId ?? null,
  };
  await insertTrainingEvent(db, row);
  return { event: row, created: true };
}

/** An event with its participants (only those of `coopIds`, when given), or NotFound. */
export async function getTrainingEvent(
  db: Db,
  organizerIds: string[],
  id: string,
  coopIds?: string[],
): Promise<TrainingEventDetail> {
  const event = await findTrainingEvent(db, organizerIds, id);
  if (!event)
    throw new DomainError('NotFound', {
      message: 'Pelatihan tidak ditemukan',
      messageEn: 'Training not found',
    });
  const participants = await findTrainingParticipants(db, event.orgId, event.id, coopIds);
  return {
    id: event.id,
    organizerId: event.orgId,
    title: event.title,
    date: event.eventDate,
    venue: event.venue,
    organizerName: event.organizerName,
    materials: event.materials,
    createdAt: event.createdAt,
    participants: participants.map((p) => ({
      id: p.id,
      cooperativeId: p.cooperativeId,
      cooperativeName: p.cooperativeName,
      districtName: p.districtName ?? '',
      name: p.name,
      position: p.position,
      attended: p.attended === 1,
      preScore: p.preScore,
      postScore: p.postScore,
      updatedAt: p.updatedAt,
    })),
  };
}

/**
 * Invites officers to an event, marks who attended and records their pre- and
 * post-test scores. Each named participant is set to exactly the given state
 * (matched by id, else by cooperative and name); the others stay as they are,
 * so sending the same list again changes nothing. Keeps: scores are whole
 * numbers 0–100 and only for officers who attended; attendance only once the
 * event's date has come; officers only of cooperatives in the office's region.
 */
export async function recordTrainingParticipants(
  db: Db,
  ctx: CommandContext,
  organizerId: string,
  eventId: string,
  participants: ParticipantInput[],
): Promise<TrainingEventDetail> {
  const organizer = await loadOrganizer(db, organizerId);
  const event = await findTrainingEvent(db, [organizerId], eventId);
  if (!event)
    throw new DomainError('NotFound', {
      message: 'Pelatihan tidak ditemukan',
      messageEn: 'Training not found',
    });
  const today = todayWib(ctx.clock);
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const coops = new Map<string, boolean>();
  for (const [i, p] of participants.entries()) {
    const at = `/participants/${i}`;
    const name = p.name.trim();
    if (!name) errors.push({ path: `${at}/name`, message: 'wajib diisi', messageEn: 'required' });
    if (!TRAINING_POSITIONS.includes(p.position))
      errors.push({
        path: `${at}/position`,
        message: `harus salah satu dari: ${TRAINING_POSITIONS.join(', ')}`,
        messageEn: `one of ${TRAINING_POSITIONS.join(', ')}`,
      });
    for (const key of ['preScore', 'postScore'] as const) {
      if (!isValidScore(p[key]))
        errors.push({
          path: `${at}/${key}`,
          message: 'harus bilangan bulat 0 sampai 100',
          messageEn: 'must be a whole number from 0 to 100',
        });
      else if (p[key] != null && !p.attended)
        errors.push({
          path: `${at}/${key}`,
          message: 'hanya untuk pengurus yang hadir',
          messageEn: 'only for an officer who attended',
        });
    }
    const key = `${p.cooperativeId}\u0000${name.toLowerCase()}`;
    if (seen.has(key))
      errors.push({
        path: `${at}/name`,
        message: 'pengurus yang sama disebut dua kali',
        messageEn: 'the same officer is named twice',
      });
    seen.add(key);
    if (!coops.has(p.cooperativeId)) {
      const coop = await findOrganizationById(db, p.cooperativeId);
      const region = organizer.regionCode;
      coops.set(
        p.cooperativeId,
        !!coop &&
          coop.kind === 'cooperative' &&
          !!region &&
          !!coop.villageCode &&
          coop.villageCode.startsWith(`${region}.`),
      );
    }
    if (!coops.get(p.cooperativeId))
      errors.push({
        path: `${at}/cooperativeId`,
        message: 'bukan koperasi di wilayah dinas ini',
        messageEn: "not a cooperative of the office's region",
      });
  }
  if (errors.length)
    invalid('Data peserta pelatihan tidak valid', 'Training participants are invalid', errors);
  if (event.eventDate > today && participants.some((p) => p.attended))
    throw new DomainError('DateInFuture', {
      message: `Pelatihan baru berlangsung ${event.eventDate}; kehadiran dicatat setelahnya`,
      messageEn: `The training takes place on ${event.eventDate}; record attendance afterwards`,
      details: [
        {
          path: '/participants',
          message: 'kehadiran dicatat sebelum tanggal pelatihan',
          messageEn: 'attendance before the event date',
        },
      ],
    });

  const existing = await findTrainingParticipants(db, organizerId, eventId);
  const byId = new Map(existing.map((p) => [p.id, p]));
  const byName = new Map(
    existing.map((p) => [`${p.cooperativeId}\u0000${p.name.toLowerCase()}`, p]),
  );
  const now = ctx.clock.now().toISOString();
  const inserts: TrainingParticipantTable[] = [];
  for (const [i, p] of participants.entries()) {
    const name = p.name.trim();
    const named = byName.get(`${p.cooperativeId}\u0000${name.toLowerCase()}`);
    const current = (p.id ? byId.get(p.id) : undefined) ?? named;
    if (p.id && named && named.id !== p.id)
      invalid('Pengurus ini sudah diundang', 'This officer is already invited', [
        {
          path: `/participants/${i}/id`,
          message: `sudah diundang sebagai ${named.id}`,
          messageEn: `already invited as ${named.id}`,
        },
      ]);
    const row: TrainingParticipantTable = {
      orgId: organizerId,
      eventId,
      id: current?.id ?? p.id ?? newId(),
      cooperativeId: p.cooperativeId,
      name,
      position: p.position,
      attended: p.attended ? 1 : 0,
      preScore: p.attended ? (p.preScore ?? null) : null,
      postScore: p.attended ? (p.postScore ?? null) : null,
      updatedAt: now,
    };
    if (!current) inserts.push(row);
    else if (
      current.cooperativeId !== row.cooperativeId ||
      current.name !== row.name ||
      current.position !== row.position ||
      current.attended !== row.attended ||
      current.preScore !== row.preScore ||
      current.postScore !== row.postScore
    )
      await updateTrainingParticipant(db, row);
  }
  await insertTrainingParticipants(db, inserts);
  return getTrainingEvent(db, [organizerId], eventId);
}

type TrainingSums = Awaited<ReturnType<typeof sumTrainingByCooperative>>[number];

export interface CoverageFigures {
  cooperatives: number;
  /** Cooperatives with at least one officer who attended a training. */
  trainedCooperatives: number;
  officersInvited: number;
  officersTrained: number;
  avgPreScore: number | null;
  avgPostScore: number | null;
}

export interface CoverageCooperative {
  cooperativeId: string;
  name: string;
  districtName: string;
  officersInvited: number;
  officersTrained: number;
  avgPreScore: number | null;
  avgPostScore: number | null;
  participating: boolean;
  /** This month's sales (retail value), what is overdue today, and whether shipping is on hold. */
  salesAmount: number;
  overdueAmount: number;
  onHold: boolean;
}

export interface TrainingCoverage {
  month: string;
  asOf: string;
  districts: (CoverageFigures & { districtCode: string; districtName: string })[];
  totals: CoverageFigures;
  items: CoverageCooperative[];
}

/**
 * Training coverage of the cooperatives in scope (over the organizers'
 * events), by kecamatan and per cooperative next to its performance this
 * month: sales, overdue, hold. Read only.
 */
export async function getTrainingCoverage(
  db: Db,
  clock: Clock,
  organizerIds: string[],
  scope: RegionScope,
): Promise<TrainingCoverage> {
  const overview = await getRegionOverview(db, clock, scope);
  const coops = overview.districts.flatMap((d) => d.items);
  const sums = new Map(
    (
      await sumTrainingByCooperative(
        db,
        organizerIds,
        coops.map((c) => c.id),
      )
    ).map((s) => [s.cooperativeId, s]),
  );
  const blank = () => ({ pre: 0, preN: 0, post: 0, postN: 0 });
  const figures = (): CoverageFigures & { acc: ReturnType<typeof blank> } => ({
    cooperatives: 0,
    trainedCooperatives: 0,
    officersInvited: 0,
    officersTrained: 0,
    avgPreScore: null,
    avgPostScore: null,
    acc: blank(),
  });
  const add = (f: ReturnType<typeof figures>, s: TrainingSums | undefined) => {
    f.cooperatives += 1;
    if (!s) return;
    f.trainedCooperatives += s.trained > 0 ? 1 : 0;
    f.officersInvited += s.invited;
    f.officersTrained += s.trained;
    f.acc.pre += s.preSum;
    f.acc.preN += s.preCount;
    f.acc.post += s.postSum;
    f.acc.postN += s.postCount;
  };
  const done = ({ acc, ...f }: ReturnType<typeof figures>): CoverageFigures => ({
    ...f,
    avgPreScore: averageScoreOneDecimal(acc.pre, acc.preN),
    avgPostScore: averageScoreOneDecimal(acc.post, acc.postN),
  });
  const totals = figures();
  const districts = overview.districts.map((d) => {
    const f = figures();
    for (const c of d.items) {
      add(f, sums.get(c.id));
      add(totals, sums.get(c.id));
    }
    return { districtCode: d.districtCode, districtName: d.districtName, ...done(f) };
  });
  return {
    month: overview.month,
    asOf: overview.asOf,
    districts,
    totals: done(totals),
    items: coops.map((c) => {
      const s = sums.get(c.id);
      return {
        cooperativeId: c.id,
        name: c.name,
        districtName: c.districtName,
        officersInvited: s?.invited ?? 0,
        officersTrained: s?.trained ?? 0,
        avgPreScore: s ? averageScoreOneDecimal(s.preSum, s.preCount) : null,
        avgPostScore: s ? averageScoreOneDecimal(s.postSum, s.postCount) : null,
        participating: c.participating,
        salesAmount: c.salesAmount,
        overdueAmount: c.overdueAmount,
        onHold: c.onHold,
      };
    }),
  };
}
