import type { Db } from '../../db/database.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type {
  SavingsDirection,
  SavingsKind,
  SavingsMethod,
  SavingsTransactionTable,
} from './members.table.ts';
import {
  findMemberSavingsTransactions,
  findSavingsMember,
  findSavingsRuleOn,
  type SavingsMember,
} from './savings.repository.ts';
import { findMemberWajibBills } from './wajib.repository.ts';

export interface SavingsLine {
  id: string;
  date: string;
  kind: SavingsKind;
  direction: SavingsDirection;
  amount: number;
  method: SavingsMethod;
  note?: string;
  /** The kind's balance once this transaction counts. */
  balanceAfter: number;
}

export interface MemberSavings {
  pokok: number;
  wajib: number;
  sukarela: number;
  /** Σ wajib billed − Σ wajib deposited (≥ 0); 0 once the membership ended. */
  wajibArrears: number;
  /** The pokok in force today − the pokok paid (≥ 0); 0 once the membership ended. */
  pokokDue: number;
  /** Newest first. */
  transactions: SavingsLine[];
}

/** The transactions in the order they count (date, then as recorded), each with its kind's balance after it. */
export function withBalances(rows: SavingsTransactionTable[]): SavingsLine[] {
  const balance: Record<SavingsKind, number> = { pokok: 0, wajib: 0, sukarela: 0 };
  return rows.map((t) => {
    balance[t.kind] += t.direction === 'deposit' ? t.amount : -t.amount;
    return {
      id: t.id,
      date: t.txDate,
      kind: t.kind,
      direction: t.direction,
      amount: t.amount,
      method: t.method,
      ...(t.note ? { note: t.note } : {}),
      balanceAfter: balance[t.kind],
    };
  });
}

/** A member of the cooperative, or `NotFound`; `lock` as {@link findSavingsMember}. */
export async function loadSavingsMember(
  db: Db,
  coopId: string,
  memberId: string,
  opts: { lock?: boolean } = {},
): Promise<SavingsMember> {
  const m = await findSavingsMember(db, coopId, memberId, opts);
  if (!m)
    throw new DomainError('NotFound', {
      message: 'Anggota tidak ditemukan',
      messageEn: 'Member not found',
    });
  return m;
}

/**
 * A member's savings: the balance of each kind (Σ deposits − Σ
 * withdrawals, which the cooperative's books hold on 3101, 3102 and 2102),
 * what they still owe (pokok due, wajib in arrears) and every transaction,
 * newest first, with the balance of its kind after it.
 */
export async function getMemberSavings(
  db: Db,
  clock: Clock,
  coopId: string,
  memberId: string,
): Promise<MemberSavings & { member: SavingsMember }> {
  const member = await loadSavingsMember(db, coopId, memberId);
  const lines = withBalances(await findMemberSavingsTransactions(db, coopId, memberId));
  const total = (kind: SavingsKind) =>
    lines.reduce(
      (s, l) => s + (l.kind !== kind ? 0 : l.direction === 'deposit' ? l.amount : -l.amount),
      0,
    );
  const active = member.status === 'active';
  let wajibArrears = 0;
  let pokokDue = 0;
  if (active) {
    const billed = (await findMemberWajibBills(db, coopId, memberId)).reduce(
      (s, b) => s + b.amount,
      0,
    );
    const wajibPaid = lines
      .filter((l) => l.kind === 'wajib' && l.direction === 'deposit')
      .reduce((s, l) => s + l.amount, 0);
    wajibArrears = Math.max(0, billed - wajibPaid);
    const rule = await findSavingsRuleOn(db, coopId, todayWib(clock));
    pokokDue = Math.max(0, (rule?.pokok ?? 0) - total('pokok'));
  }
  return {
    member,
    pokok: total('pokok'),
    wajib: total('wajib'),
    sukarela: total('sukarela'),
    wajibArrears,
    pokokDue,
    transactions: lines.reverse(),
  };
}
