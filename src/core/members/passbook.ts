import type { Db } from '../../db/database.ts';
import { findOrganizationById } from '../network/index.ts';
import { todayWib, type Clock } from '../shared/clock.ts';
import type { SavingsKind, SavingsMethod } from './members.table.ts';
import type { SavingsMember } from './savings.repository.ts';
import { getMemberSavings } from './savings-reads.ts';

export interface PassbookRow {
  date: string;
  description: string;
  kind: SavingsKind;
  /** Paid out (a withdrawal). */
  debit: number;
  /** Paid in (a deposit). */
  credit: number;
  /** The kind's balance after the row. */
  balance: number;
}

export interface Passbook {
  cooperativeName: string;
  member: SavingsMember;
  /** Oldest first, as a passbook is written. */
  rows: PassbookRow[];
  balance: Record<SavingsKind | 'total', number>;
  wajibArrears: number;
  pokokDue: number;
  printedOn: string;
}

const METHOD_WORDS: Record<SavingsMethod, string> = {
  cash: 'tunai',
  qris: 'QRIS',
  transfer: 'transfer',
  payroll: 'potong gaji',
};

/**
 * A member's "buku simpanan": every savings transaction, oldest first, as
 * debit (paid out) or credit (paid in) with its kind's balance after it,
 * and the balances, which are getMemberSavings' (and the books').
 */
export async function getPassbook(
  db: Db,
  clock: Clock,
  coopId: string,
  memberId: string,
): Promise<Passbook> {
  const s = await getMemberSavings(db, clock, coopId, memberId);
  const coop = await findOrganizationById(db, coopId);
  const rows = [...s.transactions].reverse().map((t) => {
    const verb = t.direction === 'deposit' ? 'Setoran' : 'Penarikan';
    return {
      date: t.date,
      description: `${verb} ${METHOD_WORDS[t.method]}${t.note ? ` — ${t.note}` : ''}`,
      kind: t.kind,
      debit: t.direction === 'withdrawal' ? t.amount : 0,
      credit: t.direction === 'deposit' ? t.amount : 0,
      balance: t.balanceAfter,
    };
  });
  return {
    cooperativeName: coop?.name ?? coopId,
    member: s.member,
    rows,
    balance: {
      pokok: s.pokok,
      wajib: s.wajib,
      sukarela: s.sukarela,
      total: s.pokok + s.wajib + s.sukarela,
    },
    wajibArrears: s.wajibArrears,
    pokokDue: s.pokokDue,
    printedOn: todayWib(clock),
  };
}
