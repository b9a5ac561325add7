import type { Db } from '../../db/database.ts';
import { forgetAllKept } from '../kept/index.ts';
import { addDays, isValidBusinessDate, lastDayOfMonth, longDate } from '../shared/business-date.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import {
  participationView,
  loadParticipationRow,
  type ParticipationView,
} from './participation-reads.ts';
import {
  TERM_KEYS,
  checkTermValues,
  termsOf,
  termsOn,
  type ParticipationRow,
} from './participation-terms.ts';
import type { ParticipationTerms } from './participation-terms.table.ts';
import {
  findLastDispatchDate,
  findLastGrantedMonth,
  findTermsVersions,
  insertParticipationTerms,
  replaceParticipationTerms,
  updateParticipationEnd,
} from './participation.repository.ts';

export interface UpdateParticipationInput extends Partial<ParticipationTerms> {
  effectiveFrom: string;
  reason: string;
}

function invalid(id: string, en: string, details: ErrorDetail[]): never {
  throw new DomainError('ValidationFailed', {
    message: id,
    messageEn: en,
    details,
  });
}

/** Reason and date: both required, the date a real one (the first refusal a user meets). */
function checkReasonAndDate(reason: string | undefined, date: string, path: string) {
  const errors: ErrorDetail[] = [];
  if (!reason?.trim())
    errors.push({ path: '/reason', message: 'wajib diisi', messageEn: 'required' });
  if (typeof date !== 'string' || !isValidBusinessDate(date))
    errors.push({
      path,
      message: 'harus berupa tanggal (TTTT-BB-HH)',
      messageEn: 'must be a date YYYY-MM-DD',
    });
  return errors;
}

/** A date the participation covers: not before its start, not after its end. */
function checkWithin(row: ParticipationRow, date: string, path: string) {
  if (date < row.startDate)
    invalid(
      `Tanggal ${date} sebelum kepesertaan dimulai (${row.startDate})`,
      `${date} is before the participation starts (${row.startDate})`,
      [
        {
          path,
          message: `tidak boleh sebelum tanggal mulai ${longDate(row.startDate)}`,
          messageEn: `must not be before the start date ${row.startDate}`,
        },
      ],
    );
  if (row.endDate && date > row.endDate)
    invalid(
      `Tanggal ${date} setelah kepesertaan berakhir (${row.endDate})`,
      `${date} is after the participation ends (${row.endDate})`,
      [
        {
          path,
          message: `tidak boleh setelah tanggal berakhir ${longDate(row.endDate)}`,
          messageEn: `must not be after the end date ${row.endDate}`,
        },
      ],
    );
}

/**
 * A granted subsidy is a posted document: a change that would alter the days
 * or the amount of a month already granted is refused, with the earliest
 * date that leaves every grant as it is.
 */
async function checkGrantsKept(
  db: Db,
  coopId: string,
  date: string,
  path: string,
  what: 'end' | 'subsidy',
) {
  const month = await findLastGrantedMonth(db, coopId);
  if (!month) return;
  const covered = lastDayOfMonth(month);
  const earliest = what === 'end' ? covered : addDays(covered, 1);
  if (date >= earliest) return;
  invalid(
    `Subsidi bulan ${month} sudah diberikan; ${what === 'end' ? 'tanggal berakhir' : 'perubahan subsidi berlaku'} paling awal ${earliest}`,
    `The subsidy of ${month} is already granted; the ${what === 'end' ? 'end date' : 'subsidy change'} can be ${earliest} at the earliest`,
    [
      {
        path,
        message: `subsidi ${month} sudah diberikan: paling awal ${longDate(earliest)}`,
        messageEn: `a subsidy of ${month} is granted: ${earliest} at the earliest`,
      },
    ],
  );
}

/**
 * A new version of the participation's terms from `effectiveFrom`, with its
 * reason and author. The version holds every term: the given ones, the rest
 * as in force the day it starts. Keeps: the date lies within the
 * participation; at least one term changes; a version already in force is
 * never rewritten (409 `AlreadyExists` for its date) while one not yet in
 * force is replaced; a month's granted subsidy stays as granted. Takes the
 * participation lock, so a dispatch sees the terms before or after, never half.
 */
export async function updateParticipation(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: UpdateParticipationInput,
): Promise<ParticipationView> {
  const today = todayWib(ctx.clock);
  const given = TERM_KEYS.filter((k) => input[k] !== undefined);
  const errors = [
    ...checkReasonAndDate(input.reason, input.effectiveFrom, '/effectiveFrom'),
    ...checkTermValues(input),
  ];
  if (given.length === 0)
    errors.push({
      path: '',
      message: 'sebutkan paling sedikit satu ketentuan yang diubah',
      messageEn: 'give at least one term to change',
    });
  if (errors.length)
    invalid(
      'Perubahan ketentuan tidak valid: tanggal berlaku, alasan, dan minimal satu ketentuan wajib diisi dengan benar',
      'Invalid change of terms: the effective date, the reason and at least one term are required and must be valid',
      errors,
    );
  const row = await loadParticipationRow(db, coopId, { lock: true });
  checkWithin(row, input.effectiveFrom, '/effectiveFrom');
  const versions = await findTermsVersions(db, coopId, row.id);
  const same = versions.find((v) => v.effectiveFrom === input.effectiveFrom);
  if (same && same.effectiveFrom <= today)
    throw new DomainError('AlreadyExists', {
      message: `Ketentuan yang berlaku mulai ${same.effectiveFrom} sudah dipakai dan tidak dapat diubah; buat perubahan dari tanggal lain`,
      messageEn: `The terms in force from ${same.effectiveFrom} are already in use and cannot be rewritten; make the change from another date`,
      details: [
        {
          path: '/effectiveFrom',
          message: 'sudah ada versi yang berlaku mulai tanggal ini',
          messageEn: 'a version in force from this date exists',
        },
      ],
    });
  const base = termsOf(same ?? termsOn(versions, input.effectiveFrom));
  const next: ParticipationTerms = { ...base };
  for (const k of given) Object.assign(next, { [k]: input[k] });
  const changed = given.filter((k) => next[k] !== base[k]);
  if (changed.length === 0)
    invalid(
      `Tidak ada ketentuan yang berubah dibanding yang berlaku pada ${input.effectiveFrom}`,
      `No term differs from those in force on ${input.effectiveFrom}`,
      [{ path: '', message: 'tidak ada yang berubah', messageEn: 'nothing to change' }],
    );
  if (changed.includes('monthlySubsidy'))
    await checkGrantsKept(db, coopId, input.effectiveFrom, '/effectiveFrom', 'subsidy');
  const version = {
    orgId: coopId,
    participationId: row.id,
    effectiveFrom: input.effectiveFrom,
    ...next,
    reason: input.reason.trim(),
    changedBy: ctx.actor?.userId ?? null,
    createdAt: ctx.clock.now().toISOString(),
  };
  if (same) await replaceParticipationTerms(db, version);
  else await insertParticipationTerms(db, version);
  // Terms in force on a later period end already reach the forecast of the weeks before it:
  // a change of terms forgets every kept view of the hub.
  await forgetAllKept(db, row.hubId, today);
  return participationView(row, await findTermsVersions(db, coopId, row.id), today);
}

/**
 * Ends the participation on `endDate` (inclusive), with its reason and
 * author. Keeps: no dispatch to the cooperative is dated after it (those
 * already made bound the date; later ones are refused with
 * `ParticipationEnded`); the subsidy is pro rata to it, so a month already
 * granted bounds it too; the last statement closes as usual. Ending twice →
 * 409 `ParticipationEnded`.
 */
export async function endParticipation(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  input: { endDate: string; reason: string },
): Promise<ParticipationView> {
  const errors = checkReasonAndDate(input.reason, input.endDate, '/endDate');
  if (errors.length)
    invalid(
      'Tanggal berakhir dan alasan wajib diisi dengan benar',
      'The end date and the reason are required and must be valid',
      errors,
    );
  const row = await loadParticipationRow(db, coopId, { lock: true });
  if (row.endedAt)
    throw new DomainError('ParticipationEnded', {
      message: `Kepesertaan sudah diakhiri per ${row.endDate ?? ''}`,
      messageEn: `The participation was already ended as of ${row.endDate ?? ''}`,
    });
  checkWithin({ ...row, endDate: null }, input.endDate, '/endDate');
  const dispatched = await findLastDispatchDate(db, coopId);
  if (dispatched && dispatched > input.endDate)
    invalid(
      `Sudah ada pengiriman tanggal ${dispatched}, setelah tanggal berakhir ${input.endDate}`,
      `A delivery was dispatched on ${dispatched}, after the end date ${input.endDate}`,
      [
        {
          path: '/endDate',
          message: `tidak boleh sebelum pengiriman terakhir ${longDate(dispatched)}`,
          messageEn: `must not be before the last dispatch ${dispatched}`,
        },
      ],
    );
  await checkGrantsKept(db, coopId, input.endDate, '/endDate', 'end');
  const ended = {
    endDate: input.endDate,
    endReason: input.reason.trim(),
    endedBy: ctx.actor?.userId ?? null,
    endedAt: ctx.clock.now().toISOString(),
  };
  await updateParticipationEnd(db, coopId, row.id, ended);
  // The end date reaches the forecast of the weeks before it (the sales until it), and may move
  // one set at the start: every kept view of the hub is forgotten.
  await forgetAllKept(db, row.hubId, todayWib(ctx.clock));
  return participationView(
    { ...row, ...ended },
    await findTermsVersions(db, coopId, row.id),
    todayWib(ctx.clock),
  );
}

/**
 * Refuses a dispatch dated after the participation's end (`ParticipationEnded`):
 * the goods would reach a cooperative no longer in the program.
 */
export function checkDispatchWithin(
  p: Pick<ParticipationRow, 'endDate'>,
  coopName: string,
  date: string,
): void {
  if (p.endDate && date > p.endDate)
    throw new DomainError('ParticipationEnded', {
      message: `Kepesertaan ${coopName} berakhir ${p.endDate}: tidak ada pengiriman setelah tanggal itu (${date})`,
      messageEn: `${coopName}'s participation ended on ${p.endDate}: nothing is dispatched after that date (${date})`,
      details: [
        {
          path: '/date',
          message: `setelah kepesertaan berakhir ${longDate(p.endDate)}`,
          messageEn: `after the participation's end ${p.endDate}`,
        },
      ],
    });
}
