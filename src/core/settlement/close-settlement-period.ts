import type { Db } from '../../db/database.ts';
import {
  findParticipationsOfHubOn,
  loadCooperativeContext,
  type ParticipationTable,
} from '../network/index.ts';
import { allocateDocumentNumber } from '../numbering/index.ts';
import {
  addDays,
  isValidBusinessDate,
  isoWeekday,
  lastDayOfMonth,
  monthOf,
} from '../shared/business-date.ts';
import { forgetKeptFrom } from '../kept/index.ts';
import { todayWib } from '../shared/clock.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { StatementTable } from './settlement.table.ts';
import {
  billToStatement,
  findLatestStatement,
  findStatementByPeriodEnd,
  insertStatement,
  sumStatementDocuments,
  updateStatementSums,
} from './settlement.repository.ts';

/** Whether `date` ends a settlement period of the given kind (month end, or Sunday for weekly). */
export function isPeriodEnd(period: ParticipationTable['settlementPeriod'], date: string): boolean {
  return period === 'monthly' ? lastDayOfMonth(monthOf(date)) === date : isoWeekday(date) === 7;
}

/**
 * Issues the statement of one cooperative for the period ending `periodEnd`:
 * every unbilled charge and credit dated up to then, opening balance = the
 * previous closing balance, due = period end + the payment terms in force
 * on the period end (so is the settlement period it must end), numbered
 * `TK/…` in the hub's sequence of the period end's year. Statements are
 * immutable; closing the same period again returns the same statement.
 */
export async function closeCooperativePeriod(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  periodEnd: string,
): Promise<StatementTable> {
  const c = await loadCooperativeContext(db, coopId, { lock: true, on: periodEnd });
  const existing = await findStatementByPeriodEnd(db, coopId, periodEnd);
  if (existing) return existing;
  const p = c.participation;
  if (!isPeriodEnd(p.settlementPeriod, periodEnd)) {
    throw new DomainError('ValidationFailed', {
      message: `${periodEnd} bukan akhir periode ${p.settlementPeriod === 'monthly' ? 'bulanan' : 'mingguan (Minggu)'}`,
      details: [
        {
          path: '/periodEnd',
          message: `bukan akhir periode ${p.settlementPeriod === 'monthly' ? 'bulanan' : 'mingguan'}`,
          messageEn: `not the end of a ${p.settlementPeriod} period`,
        },
      ],
    });
  }
  const latest = await findLatestStatement(db, coopId);
  if (latest && latest.periodEnd > periodEnd) {
    throw new DomainError('InvalidState', {
      message: `Periode s.d. ${latest.periodEnd} sudah ditutup`,
    });
  }
  const periodStart = latest
    ? addDays(latest.periodEnd, 1)
    : p.startDate < periodEnd
      ? p.startDate
      : periodEnd;
  const id = newId();
  const opening = latest?.closingBalance ?? 0;
  // Insert first with zero sums so that documents can point at it, then fill the sums in.
  await insertStatement(db, {
    orgId: coopId,
    id,
    number: await allocateDocumentNumber(db, { issuerId: c.hubId, kind: 'TK', date: periodEnd }),
    hubId: c.hubId,
    periodStart,
    periodEnd,
    openingBalance: opening,
    salesAmount: 0,
    shrinkageAmount: 0,
    paymentsAmount: 0,
    subsidyNettedAmount: 0,
    closingBalance: opening,
    dueDate: addDays(periodEnd, p.paymentTermsDays),
    issuedAt: ctx.clock.now().toISOString(),
  });
  await billToStatement(db, coopId, periodEnd, id);
  const sums = await sumStatementDocuments(db, coopId, id);
  const closingBalance =
    opening +
    sums.salesAmount +
    sums.shrinkageAmount -
    sums.paymentsAmount -
    sums.subsidyNettedAmount;
  await updateStatementSums(db, coopId, id, { ...sums, closingBalance });
  return (await findStatementByPeriodEnd(db, coopId, periodEnd))!;
}

/**
 * Closes the period ending `periodEnd` for one cooperative or for every
 * participant of the hub whose settlement period (in force that day) ends
 * that day; an ended participation no longer once a statement covers its end.
 */
export async function closeSettlementPeriod(
  db: Db,
  ctx: CommandContext,
  hubId: string,
  input: { periodEnd: string; cooperativeId?: string },
): Promise<StatementTable[]> {
  if (!isValidBusinessDate(input.periodEnd)) {
    throw new DomainError('ValidationFailed', {
      message: 'periodEnd harus YYYY-MM-DD',
      details: [
        {
          path: '/periodEnd',
          message: 'harus berupa tanggal (TTTT-BB-HH)',
          messageEn: 'must be a date YYYY-MM-DD',
        },
      ],
    });
  }
  if (input.periodEnd >= todayWib(ctx.clock)) {
    throw new DomainError('ValidationFailed', {
      message: 'Periode belum berakhir',
      details: [
        {
          path: '/periodEnd',
          message: 'periodenya belum berakhir',
          messageEn: 'the period has not ended yet',
        },
      ],
    });
  }
  if (input.cooperativeId) {
    const c = await loadCooperativeContext(db, input.cooperativeId);
    if (c.hubId !== hubId)
      throw new DomainError('NotFound', {
        message: 'Koperasi tidak ditemukan dalam jaringan hub ini',
      });
    const one = [await closeCooperativePeriod(db, ctx, input.cooperativeId, input.periodEnd)];
    await forgetKeptFrom(db, hubId, input.periodEnd, todayWib(ctx.clock), [input.cooperativeId]);
    return one;
  }
  const out: StatementTable[] = [];
  for (const p of await findParticipationsOfHubOn(db, hubId, input.periodEnd)) {
    if (!isPeriodEnd(p.settlementPeriod, input.periodEnd) || p.startDate > input.periodEnd)
      continue;
    const latest = await findLatestStatement(db, p.orgId);
    if (latest && latest.periodEnd > input.periodEnd) continue;
    // An ended participation's last statement is the one covering its end date.
    if (latest && p.endDate !== null && latest.periodEnd >= p.endDate) continue;
    out.push(await closeCooperativePeriod(db, ctx, p.orgId, input.periodEnd));
  }
  // A period closed late changes the hub's kept views from its end on. Forgotten once, after
  // every cooperative's lock: the hub's count (`kept_epoch`) is always locked after them, as a
  // payment or a sale locks its cooperative before posting (no lock cycle on PostgreSQL).
  // (The other hubs the cooperatives take part with read their statements too.)
  if (out.length > 0)
    await forgetKeptFrom(
      db,
      hubId,
      input.periodEnd,
      todayWib(ctx.clock),
      out.map((s) => s.orgId),
    );
  return out;
}
