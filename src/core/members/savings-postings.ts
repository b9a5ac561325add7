import { COOP, type JournalLineInput } from '../ledger/index.ts';
import { DomainError } from '../shared/errors.ts';
import type { SavingsDirection, SavingsKind, SavingsMethod } from './members.table.ts';

export const SAVINGS_KINDS: readonly SavingsKind[] = ['pokok', 'wajib', 'sukarela'];

/** The savings account of each kind in the cooperative's chart. */
export const SAVINGS_ACCOUNT: Record<SavingsKind, string> = {
  pokok: COOP.simpananPokok,
  wajib: COOP.simpananWajib,
  sukarela: COOP.simpananSukarela,
};
/** Where the money is: Kas, Bank (QRIS and transfers), or the employer's payroll deduction. */
const MONEY_ACCOUNT: Record<SavingsMethod, string> = {
  cash: COOP.kas,
  qris: COOP.bank,
  transfer: COOP.bank,
  payroll: COOP.piutangPotongGaji,
};

export const KIND_WORDS: Record<SavingsKind, string> = {
  pokok: 'simpanan pokok',
  wajib: 'simpanan wajib',
  sukarela: 'simpanan sukarela',
};

/**
 * The cooperative's journal lines of a savings transaction. A deposit:
 * Dr Kas / Bank / Piutang Potong Gaji, Cr the kind's savings account (3101
 * Simpanan Pokok, 3102 Simpanan Wajib, 2102 Simpanan Sukarela); a withdrawal
 * the mirror.
 */
export function savingsEntryLines(
  kind: SavingsKind,
  direction: SavingsDirection,
  method: SavingsMethod,
  amount: number,
): JournalLineInput[] {
  const money = MONEY_ACCOUNT[method];
  const savings = SAVINGS_ACCOUNT[kind];
  return direction === 'deposit'
    ? [
        { account: money, debit: amount },
        { account: savings, credit: amount },
      ]
    : [
        { account: savings, debit: amount },
        { account: money, credit: amount },
      ];
}

/** Who records savings: the caller's memberships. */
export interface SavingsRecorder {
  memberships: { orgId: string; role: string }[];
}

/**
 * The fine rule under the `recordSavings` gate: a cashier takes deposits;
 * paying money back (a withdrawal) takes the cooperative's manager.
 */
export function checkSavingsRight(
  who: SavingsRecorder,
  coopId: string,
  direction: SavingsDirection,
): void {
  if (direction === 'deposit') return;
  if (who.memberships.some((m) => m.role === 'coop_manager' && m.orgId === coopId)) return;
  throw new DomainError('Forbidden', {
    message: 'Penarikan simpanan hanya oleh pengurus koperasi; kasir hanya menerima setoran',
    messageEn: "Withdrawals take the cooperative's manager; a cashier takes deposits only",
  });
}
