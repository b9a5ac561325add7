import type { Db } from '../../db/database.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import {
  findCarries,
  findCashDues,
  findDeductionsOf,
  findPickedUpOrdersOf,
} from './failed-deduction.repository.ts';
import { carriedInto, periodMonthsOf } from './failed-deductions.ts';
import { loadProgram } from './program.service.ts';
import { findParticipantsPage } from './participants.repository.ts';
import type {
  SembakoCashDueTable,
  SembakoDeductionCarryTable,
  SembakoDeductionTable,
  SembakoOrderTable,
  SembakoProgramTable,
} from './sembako.table.ts';

/** One month of a participant's deductions, as they and the program office see it. */
export interface ParticipantMonth {
  month: string;
  /** qty × (price − subsidy) of the packages picked up that month. */
  amountDue: number;
  amountDeducted: number;
  status: 'berhasil' | 'gagal' | null;
  /** The payroll month that deducted it (a later one when it was carried). */
  deductedIn: string | null;
  /** The payroll month whose deduction file carries the failed amount now. */
  carriedTo: string | null;
  /** Owed in cash at the next pickup (at the cooperative where the package was picked up). */
  owedAtPickup: number;
  collectedInCash: number;
  /** Neither deducted nor paid in cash yet. */
  open: number;
}

type Sources = {
  orders: Pick<SembakoOrderTable, 'nip' | 'month' | 'qty' | 'unitPrice' | 'unitSubsidy'>[];
  deductions: SembakoDeductionTable[];
  carries: SembakoDeductionCarryTable[];
  cash: SembakoCashDueTable[];
};

/** A participant's months, newest first, from their picked-up orders, payroll results, carried lines and cash dues. */
export function participantMonths(nip: string, s: Sources, periods: string[]): ParticipantMonth[] {
  const due = new Map<string, number>();
  for (const o of s.orders)
    if (o.nip === nip)
      due.set(o.month, (due.get(o.month) ?? 0) + o.qty * (o.unitPrice - o.unitSubsidy));
  const deductions = new Map(s.deductions.filter((d) => d.nip === nip).map((d) => [d.month, d]));
  const carries = s.carries.filter((c) => c.nip === nip);
  const cash = s.cash.filter((c) => c.nip === nip);
  return [...new Set([...due.keys(), ...deductions.keys()])]
    .sort()
    .reverse()
    .map((month) => {
      const d = deductions.get(month);
      const amountDue = due.get(month) ?? 0;
      const deducted = d?.status === 'berhasil' ? Math.min(d.amountDeducted, amountDue) : 0;
      const mine = carries.filter((c) => c.month === month);
      const pending = mine.find((c) => c.result === null);
      const sum = (rows: SembakoCashDueTable[]) => rows.reduce((t, r) => t + r.amount, 0);
      const dues = cash.filter((c) => c.month === month);
      const collected = sum(dues.filter((c) => c.collectedOrderId !== null));
      return {
        month,
        amountDue,
        amountDeducted: deducted,
        status: d?.status ?? null,
        deductedIn:
          d?.status === 'berhasil'
            ? (mine.find((c) => c.result === 'berhasil')?.reportedIn ?? month)
            : null,
        carriedTo: pending ? carriedInto(periods, pending.failedIn) : null,
        owedAtPickup: sum(dues.filter((c) => c.collectedOrderId === null)),
        collectedInCash: collected,
        open: amountDue - deducted - collected,
      };
    });
}

/** What `participantMonths` reads, for some participants of a program, in four queries. */
async function loadSources(db: Db, program: SembakoProgramTable, nips: string[]): Promise<Sources> {
  const key = { orgId: program.orgId, programId: program.id };
  return {
    orders: await findPickedUpOrdersOf(db, key, nips),
    deductions: await findDeductionsOf(db, key, nips),
    carries: await findCarries(db, key, { nips }),
    cash: await findCashDues(db, key, { nips }),
  };
}

/** A participant's deductions per period: due (picked up), deducted, carried or owed at pickup, open. */
export async function listParticipantDeductions(db: Db, program: SembakoProgramTable, nip: string) {
  const sources = await loadSources(db, program, [nip]);
  return participantMonths(nip, sources, await periodMonthsOf(db, program));
}

export interface ParticipantQuery {
  q?: string;
  opd?: string;
  cursor?: string;
  limit?: number;
}

/**
 * The program office's participant list, in NIP order a page at a time: searched by the start
 * of the NIP or part of the name, filtered by OPD; each with whether they activated their
 * account, their surat kuasa (number and date) if recorded, and what is open on them over all
 * periods (neither deducted nor paid in cash).
 */
export async function listParticipants(db: Db, programId: string, query: ParticipantQuery = {}) {
  const program = await loadProgram(db, programId);
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const rows = await findParticipantsPage(db, program.orgId, programId, {
    q: query.q,
    opd: query.opd,
    afterNip: decodeCursor(query.cursor)?.[0],
    limit: limit + 1,
  });
  const page = pageOf(rows, limit, (r) => [r.nip, r.nip]);
  const nips = page.items.map((r) => r.nip);
  const sources = await loadSources(db, program, nips);
  const periods = await periodMonthsOf(db, program);
  return {
    ...page,
    items: page.items.map((r) => {
      const months = participantMonths(r.nip, sources, periods);
      return {
        nip: r.nip,
        name: r.name,
        opd: r.opd,
        phone: r.phone,
        villageCode: r.villageCode,
        pickupCooperativeId: r.pickupCooperativeId,
        pickupCooperativeName: r.pickupCooperativeName,
        activated: r.activatedAt !== null,
        payrollAuthorization:
          r.payrollAuthRef !== null
            ? { ref: r.payrollAuthRef, signedOn: r.payrollAuthSignedOn }
            : null,
        open: months.reduce((t, m) => t + m.open, 0),
        owedAtPickup: months.reduce((t, m) => t + m.owedAtPickup, 0),
      };
    }),
  };
}
