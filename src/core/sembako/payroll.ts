import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { toCsv, parseCsv } from '../shared/csv.ts';
import { loadPeriodAccounts } from './period-accounts.ts';
import { loadProgram, notFound } from './program.service.ts';
import type { SembakoDeductionTable } from './sembako.table.ts';
import { findDeductionsOf, setCarryResult } from './failed-deduction.repository.ts';
import {
  carriedLinesOf,
  loadFailuresOfMonth,
  recordFailure,
  withdrawFailure,
} from './failed-deductions.ts';
import {
  findDeductions,
  findParticipants,
  findPeriod,
  upsertDeductions,
} from './sembako.repository.ts';
import { writeXlsx } from '../shared/xlsx.ts';

export interface PayrollDeduction {
  nip: string;
  name: string;
  opd: string;
  amount: number;
  period: string;
}

/**
 * The payroll deductions of a period: per participant (of one OPD, or all),
 * qty × (price − subsidy) of the packages picked up in the period; and, as
 * lines of their own with their own period, the failed deductions of earlier
 * months carried into this file (`carriedLinesOf`: once per file).
 */
export async function listPayrollDeductions(
  db: Db,
  programId: string,
  month: string,
  opd?: string,
): Promise<PayrollDeduction[]> {
  const program = await loadProgram(db, programId);
  if (!(await findPeriod(db, program.orgId, programId, month)))
    notFound(`Periode ${month}`, `Period ${month}`);
  const { participants } = await loadPeriodAccounts(db, program, month);
  const own = participants
    .filter((p) => p.due > 0)
    .map((p) => ({ nip: p.nip, name: p.name, opd: p.opd, amount: p.due, period: month }));
  const carried = await carriedLinesOf(db, program, month);
  const people = new Map(
    (
      await findParticipants(db, program.orgId, programId, {
        nips: [...new Set(carried.map((c) => c.nip))],
      })
    ).map((p) => [p.nip, p]),
  );
  const lines = carried.map((c) => ({
    nip: c.nip,
    name: people.get(c.nip)?.name ?? '',
    opd: people.get(c.nip)?.opd ?? '',
    amount: c.amount,
    period: c.month,
  }));
  const order = (r: PayrollDeduction) => `${r.opd}\u0000${r.nip}\u0000${r.period}`;
  return [...own, ...lines]
    .filter((r) => !opd || r.opd === opd)
    .sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

const HEADER = ['nip', 'nama', 'opd', 'jumlah', 'periode'];

export function payrollCsv(rows: PayrollDeduction[]): string {
  return toCsv(
    HEADER,
    rows.map((r) => [r.nip, r.name, r.opd, r.amount, r.period]),
  );
}

/** The same rows as a one-sheet workbook; the NIP stays text (18 digits do not fit a number). */
export function payrollXlsx(rows: PayrollDeduction[]): Uint8Array {
  return writeXlsx('Potongan Gaji', [
    HEADER,
    ...rows.map((r) => [r.nip, r.name, r.opd, r.amount, r.period]),
  ]);
}

export interface PayrollResultRow {
  row: number;
  nip: string;
  /** The period the line is for: the file's own, or the earlier one of a carried line. */
  period: string;
  status: 'berhasil' | 'gagal' | 'unchanged' | 'rejected';
  errors?: string[];
}

/** `50.000` or `50000` as a number; NaN when it is not whole rupiah. */
function wholeRupiah(text: string): number {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : NaN;
}

/** One row of the payroll office's answer, read. */
interface ResultLine {
  row: number;
  nip: string;
  period: string;
  status: string;
  amount: number;
}

/**
 * The payroll office's answer (CSV `nip,jumlah,status`, status `berhasil` or
 * `gagal`, and `periode` for the carried lines of earlier months; without it a
 * line is the period's own). Each row on its own: `berhasil` must carry
 * exactly the amount of its line; `gagal` leaves the amount open on the
 * participant and becomes what the program says (`recordFailure`: carried
 * into the next file, or owed in cash at the next pickup); a recorded
 * `berhasil` is final (a later `gagal` for it is refused), a `gagal` may be
 * corrected to `berhasil` while what it became is untouched; the result of a
 * carried line is final; the same file twice changes nothing.
 */
export async function importPayrollResults(
  db: Db,
  ctx: CommandContext,
  programId: string,
  month: string,
  csv: string,
) {
  const program = await loadProgram(db, programId);
  if (!(await findPeriod(db, program.orgId, programId, month)))
    notFound(`Periode ${month}`, `Period ${month}`);
  const lines = parseCsv(csv, ['nip', 'jumlah', 'status']).map((r): ResultLine => ({
    row: r.line,
    nip: (r.values.nip ?? '').replace(/\s+/g, ''),
    period: (r.values.periode ?? '').trim() || month,
    status: (r.values.status ?? '').toLowerCase(),
    amount: wholeRupiah(r.values.jumlah ?? ''),
  }));
  const { participants } = await loadPeriodAccounts(db, program, month);
  const due = new Map(participants.map((p) => [p.nip, p.due]));
  const prior = new Map(
    (await findDeductions(db, program.orgId, programId, month)).map((d) => [d.nip, d]),
  );
  const failures = await loadFailuresOfMonth(db, program, month);
  const carried = new Map(
    (await carriedLinesOf(db, program, month)).map((c) => [`${c.nip}|${c.month}`, c]),
  );
  const origins = new Map(
    (
      await findDeductionsOf(db, { orgId: program.orgId, programId }, [
        ...new Set([...carried.values()].map((c) => c.nip)),
      ])
    ).map((d) => [`${d.nip}|${d.month}`, d]),
  );
  const seen = new Set<string>();
  const results: PayrollResultRow[] = [];
  const writes: SembakoDeductionTable[] = [];
  const effects: (() => Promise<void>)[] = [];
  const now = ctx.clock.now().toISOString();
  for (const l of lines) {
    const key = `${l.nip}|${l.period}`;
    const errors: string[] = [];
    if (seen.has(key)) errors.push('NIP ganda dalam berkas (NIP twice in the file)');
    seen.add(key);
    if (l.status !== 'berhasil' && l.status !== 'gagal')
      errors.push('status harus berhasil atau gagal (status must be berhasil or gagal)');
    if (Number.isNaN(l.amount))
      errors.push('jumlah harus rupiah bulat (jumlah must be whole rupiah)');
    const status = l.status as 'berhasil' | 'gagal';
    const result = (s: PayrollResultRow['status']) =>
      results.push({ row: l.row, nip: l.nip, period: l.period, status: s });
    const reject = () =>
      results.push({ row: l.row, nip: l.nip, period: l.period, status: 'rejected', errors });

    if (l.period !== month) {
      // A carried line of an earlier month.
      const carry = carried.get(key);
      if (!carry)
        errors.push(
          `tidak ada potongan bawaan periode ${l.period} untuk NIP ini dalam berkas ${month} (no carried deduction of ${l.period} in this file)`,
        );
      else if (status === 'berhasil' && !Number.isNaN(l.amount) && l.amount !== carry.amount)
        errors.push(
          `jumlah ${l.amount} ≠ potongan bawaan ${carry.amount} (amount differs from the carried deduction)`,
        );
      else if (carry.result !== null && carry.result !== status)
        errors.push('hasil potongan bawaan ini sudah tercatat (already recorded for this line)');
      if (errors.length || !carry) {
        reject();
        continue;
      }
      if (carry.result === status) {
        result('unchanged');
        continue;
      }
      const origin = origins.get(key)!;
      effects.push(async () => {
        await setCarryResult(db, carry, { result: status, reportedIn: month, reportedAt: now });
        if (status === 'gagal')
          await recordFailure(
            db,
            program,
            { month: l.period, nip: l.nip, amount: carry.amount },
            month,
          );
      });
      if (status === 'berhasil')
        writes.push({ ...origin, status, amountDeducted: origin.amountDue, importedAt: now });
      result(status);
      continue;
    }

    const owed = due.get(l.nip);
    if (!owed) errors.push('tidak ada potongan untuk NIP ini pada periode (no deduction due)');
    if (status === 'berhasil' && owed && !Number.isNaN(l.amount) && l.amount !== owed)
      errors.push(`jumlah ${l.amount} ≠ potongan ${owed} (amount differs from the deduction due)`);
    const before = prior.get(l.nip);
    if (before?.status === 'berhasil' && status === 'gagal')
      errors.push('potongan sudah tercatat berhasil (already deducted)');
    const deducted = status === 'berhasil' ? l.amount : 0;
    const unchanged =
      before?.status === status && before.amountDeducted === deducted && before.amountDue === owed;
    // A failure whose carried line or cash was settled stays what it became.
    const settled = before?.status === 'gagal' && !unchanged && failures.settledElsewhere(l.nip);
    if (settled) errors.push(settled);
    if (errors.length) {
      reject();
      continue;
    }
    if (unchanged) {
      result('unchanged');
      continue;
    }
    writes.push({
      orgId: program.orgId,
      programId,
      month,
      nip: l.nip,
      amountDue: owed!,
      amountDeducted: deducted,
      status,
      importedAt: now,
    });
    effects.push(async () => {
      if (before?.status === 'gagal') await withdrawFailure(db, program, month, l.nip);
      if (status === 'gagal')
        await recordFailure(db, program, { month, nip: l.nip, amount: owed! }, month);
    });
    result(status);
  }
  await upsertDeductions(db, writes);
  for (const effect of effects) await effect();
  return {
    recorded: results.filter((r) => r.status === 'berhasil' || r.status === 'gagal').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    results,
  };
}
