import type { Db } from '../../db/database.ts';
import type { CommandContext } from '../shared/context.ts';
import { toCsv, parseCsv } from '../shared/csv.ts';
import { loadPeriodAccounts } from './period-accounts.ts';
import { loadProgram, notFound } from './program.service.ts';
import type { SembakoDeductionTable } from './sembako.table.ts';
import { findDeductions, findPeriod, upsertDeductions } from './sembako.repository.ts';
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
 * qty × (price − subsidy) of the packages picked up in the period.
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
  return participants
    .filter((p) => p.due > 0 && (!opd || p.opd === opd))
    .sort((a, b) => (a.opd === b.opd ? (a.nip < b.nip ? -1 : 1) : a.opd < b.opd ? -1 : 1))
    .map((p) => ({ nip: p.nip, name: p.name, opd: p.opd, amount: p.due, period: month }));
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
  status: 'berhasil' | 'gagal' | 'unchanged' | 'rejected';
  errors?: string[];
}

/**
 * The payroll office's answer (CSV `nip,jumlah,status`, status `berhasil` or
 * `gagal`). Each row on its own: `berhasil` must carry exactly the amount
 * due for the period; `gagal` leaves the amount open on the participant (it
 * shows on the reconciliation); a recorded `berhasil` is final (a later
 * `gagal` for it is refused); the same file twice changes nothing.
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
  const rows = parseCsv(csv, ['nip', 'jumlah', 'status']);
  const { participants } = await loadPeriodAccounts(db, program, month);
  const due = new Map(participants.map((p) => [p.nip, p.due]));
  const prior = new Map(
    (await findDeductions(db, program.orgId, programId, month)).map((d) => [d.nip, d]),
  );
  const seen = new Set<string>();
  const results: PayrollResultRow[] = [];
  const writes: SembakoDeductionTable[] = [];
  const now = ctx.clock.now().toISOString();
  for (const r of rows) {
    const nip = (r.values.nip ?? '').replace(/\s+/g, '');
    const errors: string[] = [];
    const status = (r.values.status ?? '').toLowerCase();
    const amountText = (r.values.jumlah ?? '').replace(/[.\s]/g, '');
    const amount = /^\d{1,15}$/.test(amountText) ? Number(amountText) : NaN;
    const owed = due.get(nip);
    if (seen.has(nip)) errors.push('NIP ganda dalam berkas (NIP twice in the file)');
    seen.add(nip);
    if (!owed) errors.push('tidak ada potongan untuk NIP ini pada periode (no deduction due)');
    if (status !== 'berhasil' && status !== 'gagal')
      errors.push('status harus berhasil atau gagal (status must be berhasil or gagal)');
    if (Number.isNaN(amount))
      errors.push('jumlah harus rupiah bulat (jumlah must be whole rupiah)');
    else if (status === 'berhasil' && owed && amount !== owed)
      errors.push(`jumlah ${amount} ≠ potongan ${owed} (amount differs from the deduction due)`);
    const before = prior.get(nip);
    if (before?.status === 'berhasil' && status === 'gagal')
      errors.push('potongan sudah tercatat berhasil (already deducted)');
    if (errors.length) {
      results.push({ row: r.line, nip, status: 'rejected', errors });
      continue;
    }
    const deducted = status === 'berhasil' ? amount : 0;
    if (
      before &&
      before.status === status &&
      before.amountDeducted === deducted &&
      before.amountDue === owed
    ) {
      results.push({ row: r.line, nip, status: 'unchanged' });
      continue;
    }
    writes.push({
      orgId: program.orgId,
      programId,
      month,
      nip,
      amountDue: owed!,
      amountDeducted: deducted,
      status: status as 'berhasil' | 'gagal',
      importedAt: now,
    });
    results.push({ row: r.line, nip, status: status as 'berhasil' | 'gagal' });
  }
  await upsertDeductions(db, writes);
  return {
    recorded: writes.length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    results,
  };
}
