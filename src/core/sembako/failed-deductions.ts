import type { Db } from '../../db/database.ts';
import { COOP, postJournalEntries } from '../ledger/index.ts';
import { addMonths } from '../shared/business-date.ts';
import type { CommandContext } from '../shared/context.ts';
import { DomainError } from '../shared/errors.ts';
import { formatRupiah } from '../shared/money.ts';
import {
  deleteCashDues,
  deletePendingCarries,
  findCarries,
  findCashDues,
  insertCarries,
  insertCashDues,
  markCashCollected,
} from './failed-deduction.repository.ts';
import { findOrdersOfPeriod, findParticipant, findPeriods } from './sembako.repository.ts';
import type {
  SembakoCashDueTable,
  SembakoDeductionCarryTable,
  SembakoProgramTable,
} from './sembako.table.ts';

/**
 * A deduction the payroll office reports as failed becomes, as its program says when the failure
 * is reported, either a carried line in the next deduction file (`carry_forward`) or cash owed at
 * the participant's next pickup at the cooperative that holds the receivable (`collect_at_pickup`).
 */

/** The months of the program's periods, oldest first. */
export async function periodMonthsOf(db: Db, program: SembakoProgramTable): Promise<string[]> {
  return (await findPeriods(db, program.orgId, program.id)).map((p) => p.month).reverse();
}

/** The period before `month` among `months` (oldest first). */
export function previousPeriod(months: string[], month: string): string | undefined {
  return months.filter((m) => m < month).pop();
}

/**
 * The deduction file a line that failed in `failedIn` is carried into: the first period after
 * it; until that period is created, the month after.
 */
export function carriedInto(months: string[], failedIn: string): string {
  return months.find((m) => m > failedIn) ?? addMonths(failedIn, 1);
}

/**
 * Records what a failed deduction of `failure.month` becomes: a carried line pending in the file
 * after `failedIn`, or the cash owed at pickup, split by the cooperatives where that month's
 * packages were picked up (each holds its share of the payroll receivable).
 */
export async function recordFailure(
  db: Db,
  program: SembakoProgramTable,
  failure: { month: string; nip: string; amount: number },
  failedIn: string,
) {
  const key = { orgId: program.orgId, programId: program.id };
  if (program.failedDeductionHandling === 'carry_forward') {
    const row: SembakoDeductionCarryTable = {
      ...key,
      month: failure.month,
      nip: failure.nip,
      failedIn,
      amount: failure.amount,
      result: null,
      reportedIn: null,
      reportedAt: null,
    };
    return insertCarries(db, [row]);
  }
  const orders = await findOrdersOfPeriod(db, program.orgId, program.id, failure.month, {
    nip: failure.nip,
    status: ['picked_up'],
  });
  const byCoop = new Map<string, number>();
  for (const o of orders)
    byCoop.set(
      o.pickupCooperativeId,
      (byCoop.get(o.pickupCooperativeId) ?? 0) + o.qty * (o.unitPrice - o.unitSubsidy),
    );
  const rows: SembakoCashDueTable[] = [...byCoop]
    .filter(([, amount]) => amount > 0)
    .map(([cooperativeId, amount]) => ({
      ...key,
      month: failure.month,
      nip: failure.nip,
      cooperativeId,
      amount,
      collectedOrderId: null,
      collectedOn: null,
    }));
  await insertCashDues(db, rows);
}

/** What became of the failed deductions of one month: its carried lines and cash dues, by NIP. */
export async function loadFailuresOfMonth(db: Db, program: SembakoProgramTable, month: string) {
  const key = { orgId: program.orgId, programId: program.id };
  const carries = await findCarries(db, key, { month });
  const cash = await findCashDues(db, key, { month });
  return {
    /**
     * Why a failure of this month can no longer become a success of its own file: a carried
     * line already reported by a later file, or cash already collected at a pickup.
     */
    settledElsewhere(nip: string): string | undefined {
      if (carries.some((c) => c.nip === nip && c.result !== null))
        return 'potongan gagal ini sudah dibawa dan dilaporkan pada berkas berikutnya (already carried and reported in a later file)';
      if (cash.some((c) => c.nip === nip && c.collectedOrderId !== null))
        return 'potongan gagal ini sudah dibayar tunai saat pengambilan (already paid in cash at pickup)';
      return undefined;
    },
  };
}

/** Withdraws what a failure became (its pending carried line, its uncollected cash) when the payroll office corrects it to deducted. */
export async function withdrawFailure(
  db: Db,
  program: SembakoProgramTable,
  month: string,
  nip: string,
) {
  const key = { orgId: program.orgId, programId: program.id };
  await deletePendingCarries(db, key, month, nip);
  await deleteCashDues(db, key, month, nip);
}

/**
 * The carried lines of the deduction file of `month`: failed deductions of earlier months whose
 * last failure was reported in the period before it (still pending), and those this file's
 * result already reported. One line per deduction and file.
 */
export async function carriedLinesOf(db: Db, program: SembakoProgramTable, month: string) {
  const previous = previousPeriod(await periodMonthsOf(db, program), month);
  return findCarries(
    db,
    { orgId: program.orgId, programId: program.id },
    { file: { month, previous } },
  );
}

/** The cash a participant still owes at one cooperative's pickup desk, per month of the failed deduction. */
export async function cashDueAt(
  db: Db,
  program: SembakoProgramTable,
  nip: string,
  cooperativeId: string,
) {
  const rows = await findCashDues(
    db,
    { orgId: program.orgId, programId: program.id },
    { nips: [nip], cooperativeId, open: true },
  );
  return rows.map((r) => ({ month: r.month, amount: r.amount }));
}

/**
 * At a pickup, the participant pays in cash what they owe at this cooperative for failed
 * deductions. Keeps: the desk confirms the exact amount (`cashCollected`, else ValidationFailed
 * saying how much to collect); the cooperative's books get Dr Kas, Cr Piutang Potong Gaji
 * (the receivable of the payroll sale the failed deduction left open), one entry per pickup.
 */
export async function collectCashDue(
  db: Db,
  ctx: CommandContext,
  program: SembakoProgramTable,
  order: { id: string; nip: string; pickupCooperativeId: string },
  date: string,
  cashCollected: number | undefined,
): Promise<number> {
  // The participant row is the lock of their cash dues (PostgreSQL): two desks cannot both collect them.
  await findParticipant(db, program.orgId, program.id, order.nip, { lock: true });
  const due = await cashDueAt(db, program, order.nip, order.pickupCooperativeId);
  const total = due.reduce((t, d) => t + d.amount, 0);
  if ((cashCollected ?? 0) !== total)
    throw new DomainError('ValidationFailed', {
      message:
        total > 0
          ? `Peserta harus membayar tunai ${formatRupiah(total)} untuk potongan gaji yang gagal (${due.map((d) => d.month).join(', ')}) sebelum paket diserahkan.`
          : 'Tidak ada tagihan tunai untuk peserta ini.',
      messageEn:
        total > 0
          ? `The participant must pay ${total} in cash for failed payroll deductions (${due.map((d) => d.month).join(', ')}) before the package is handed over.`
          : 'Nothing is owed in cash by this participant.',
      details: [
        {
          path: '/cashCollected',
          message: `harus ${formatRupiah(total)}`,
          messageEn: `must be ${total}`,
        },
      ],
    });
  if (total === 0) return 0;
  await markCashCollected(
    db,
    { orgId: program.orgId, programId: program.id },
    order.nip,
    order.pickupCooperativeId,
    { orderId: order.id, on: date },
  );
  await postJournalEntries(
    db,
    [
      {
        orgId: order.pickupCooperativeId,
        book: 'cooperative',
        date,
        docType: 'sembako_cash_collection',
        docId: order.id,
        memo: `Tunai potongan gaji gagal ${program.name} NIP ${order.nip} (${due.map((d) => d.month).join(', ')})`,
        lines: [
          { account: COOP.kas, debit: total },
          { account: COOP.piutangPotongGaji, credit: total },
        ],
      },
    ],
    ctx.clock.now(),
  );
  return total;
}
