import type { Db } from '../../db/database.ts';
import { insertMany } from '../../db/batch.ts';
import { orderNotReversed } from './sembako.repository.ts';
import type {
  SembakoCashDueTable,
  SembakoDeductionCarryTable,
  SembakoDeductionTable,
} from './sembako.table.ts';

/** SQL of failed deductions: the carried lines, the cash owed at pickup, and the reads they need. */

type Key = { orgId: string; programId: string };

export async function insertCarries(db: Db, rows: SembakoDeductionCarryTable[]) {
  await insertMany(db, 'sembakoDeductionCarry', rows);
}

export async function findCarries(
  db: Db,
  k: Key,
  f: {
    /** Carried lines of one origin month. */
    month?: string;
    nips?: string[];
    /** The lines of one deduction file: pending ones failed in `previous`, and those it reported. */
    file?: { month: string; previous: string | undefined };
  } = {},
) {
  let q = db
    .selectFrom('sembakoDeductionCarry')
    .selectAll()
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId);
  if (f.month) q = q.where('month', '=', f.month);
  if (f.nips) {
    if (f.nips.length === 0) return [];
    q = q.where('nip', 'in', f.nips);
  }
  const file = f.file;
  if (file)
    q = q.where((eb) =>
      eb.or([
        eb('reportedIn', '=', file.month),
        ...(file.previous
          ? [eb.and([eb('result', 'is', null), eb('failedIn', '=', file.previous)])]
          : []),
      ]),
    );
  return q.orderBy('nip').orderBy('month').orderBy('failedIn').execute();
}

export async function setCarryResult(
  db: Db,
  row: Pick<SembakoDeductionCarryTable, 'orgId' | 'programId' | 'month' | 'nip' | 'failedIn'>,
  set: Pick<SembakoDeductionCarryTable, 'result' | 'reportedIn' | 'reportedAt'>,
) {
  await db
    .updateTable('sembakoDeductionCarry')
    .set(set)
    .where('orgId', '=', row.orgId)
    .where('programId', '=', row.programId)
    .where('month', '=', row.month)
    .where('nip', '=', row.nip)
    .where('failedIn', '=', row.failedIn)
    .execute();
}

/** Withdraws the carried lines of a month's deduction that no file has reported yet. */
export async function deletePendingCarries(db: Db, k: Key, month: string, nip: string) {
  await db
    .deleteFrom('sembakoDeductionCarry')
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId)
    .where('month', '=', month)
    .where('nip', '=', nip)
    .where('result', 'is', null)
    .execute();
}

export async function insertCashDues(db: Db, rows: SembakoCashDueTable[]) {
  await insertMany(db, 'sembakoCashDue', rows);
}

export async function findCashDues(
  db: Db,
  k: Key,
  f: { month?: string; nips?: string[]; cooperativeId?: string; open?: boolean } = {},
) {
  let q = db
    .selectFrom('sembakoCashDue')
    .selectAll()
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId);
  if (f.month) q = q.where('month', '=', f.month);
  if (f.nips) {
    if (f.nips.length === 0) return [];
    q = q.where('nip', 'in', f.nips);
  }
  if (f.cooperativeId) q = q.where('cooperativeId', '=', f.cooperativeId);
  if (f.open) q = q.where('collectedOrderId', 'is', null);
  return q.orderBy('nip').orderBy('month').orderBy('cooperativeId').execute();
}

/** Withdraws the cash owed for a month's deduction (none of it collected). */
export async function deleteCashDues(db: Db, k: Key, month: string, nip: string) {
  await db
    .deleteFrom('sembakoCashDue')
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId)
    .where('month', '=', month)
    .where('nip', '=', nip)
    .where('collectedOrderId', 'is', null)
    .execute();
}

/** Marks the participant's open cash dues at one cooperative as collected by a pickup. */
export async function markCashCollected(
  db: Db,
  k: Key,
  nip: string,
  cooperativeId: string,
  collected: { orderId: string; on: string },
) {
  await db
    .updateTable('sembakoCashDue')
    .set({ collectedOrderId: collected.orderId, collectedOn: collected.on })
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId)
    .where('nip', '=', nip)
    .where('cooperativeId', '=', cooperativeId)
    .where('collectedOrderId', 'is', null)
    .execute();
}

/** The picked-up orders of some participants (all months), reversed ones left out: what each owes and where. */
export async function findPickedUpOrdersOf(db: Db, k: Key, nips: string[]) {
  if (nips.length === 0) return [];
  return db
    .selectFrom('sembakoOrder')
    .select(['nip', 'month', 'pickupCooperativeId', 'qty', 'unitPrice', 'unitSubsidy'])
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId)
    .where('nip', 'in', nips)
    .where('status', '=', 'picked_up')
    .where(orderNotReversed)
    .execute();
}

/** The payroll results of some participants (all months). */
export async function findDeductionsOf(
  db: Db,
  k: Key,
  nips: string[],
): Promise<SembakoDeductionTable[]> {
  if (nips.length === 0) return [];
  return db
    .selectFrom('sembakoDeduction')
    .selectAll()
    .where('orgId', '=', k.orgId)
    .where('programId', '=', k.programId)
    .where('nip', 'in', nips)
    .execute();
}
