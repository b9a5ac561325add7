import { v5 } from 'uuid';
import type { Db } from '../../db/database.ts';
import { businessDateOf, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { longDate } from '../shared/business-date.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import type { SavingsKind, SavingsTransactionTable } from './members.table.ts';
import {
  findMemberSavingsTransactions,
  findSavingsTransactionsById,
  markMemberEnded,
  sumMemberSavings,
  type SavingsMember,
} from './savings.repository.ts';
import { assignMemberRole } from './member-officers.ts';
import { SAVINGS_KINDS } from './savings-postings.ts';
import { loadMemberForSavings, writeSavingsTransaction } from './savings.service.ts';

export interface EndMembershipInput {
  /** The command's client id: each withdrawal's id derives from it. */
  id: string;
  status: 'left' | 'deceased';
  date?: string;
  method: 'cash' | 'transfer';
  reason: string;
}

export interface EndMembershipResult {
  memberId: string;
  status: 'left' | 'deceased';
  leftOn: string;
  /** What was paid back, one withdrawal per kind with a balance. */
  withdrawals: { id: string; kind: SavingsKind; amount: number }[];
  total: number;
  /** False when the same command was sent again (nothing changed). */
  created: boolean;
}

/** The id of the withdrawal of `kind` a command makes: the same on every retry (UUID v5). */
export function withdrawalIdOf(commandId: string, kind: SavingsKind): string {
  return v5(`withdraw-all/${kind}`, commandId.toLowerCase());
}

/**
 * Pays every positive balance (pokok, wajib, sukarela) back, one withdrawal
 * per kind dated `date`, through the one savings writer (`ending`: pokok and
 * wajib may leave too). Each withdrawal's id derives from `commandId`. The
 * caller holds the member's lock and sets the status.
 */
export async function withdrawAllSavings(
  db: Db,
  ctx: CommandContext,
  member: SavingsMember,
  w: { commandId: string; date: string; method: 'cash' | 'transfer'; note: string; hash: string },
): Promise<SavingsTransactionTable[]> {
  const balance = await sumMemberSavings(db, member.orgId, member.id);
  const out: SavingsTransactionTable[] = [];
  for (const kind of SAVINGS_KINDS) {
    if (balance[kind] <= 0) continue;
    out.push(
      await writeSavingsTransaction(
        db,
        ctx,
        member,
        {
          id: withdrawalIdOf(w.commandId, kind),
          kind,
          direction: 'withdrawal',
          amount: balance[kind],
          date: w.date,
          method: w.method,
          note: w.note,
        },
        { hash: w.hash, ending: true },
      ),
    );
  }
  return out;
}

function checkInput(input: EndMembershipInput): void {
  const errors: ErrorDetail[] = [];
  if (typeof input.id !== 'string' || !isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' });
  if (!['left', 'deceased'].includes(input.status))
    errors.push({
      path: '/status',
      message: 'harus keluar (left) atau meninggal (deceased)',
      messageEn: 'must be left or deceased',
    });
  if (!['cash', 'transfer'].includes(input.method))
    errors.push({
      path: '/method',
      message: 'harus tunai atau transfer',
      messageEn: 'must be cash or transfer',
    });
  if (typeof input.reason !== 'string' || !input.reason.trim() || input.reason.length > 300)
    errors.push({
      path: '/reason',
      message: 'harus teks, paling banyak 300 karakter',
      messageEn: 'must be text up to 300 characters',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Data berakhirnya keanggotaan tidak valid',
      messageEn: 'Invalid end of membership',
      details: errors,
    });
}

const STATUS_WORDS = { left: 'keluar', deceased: 'meninggal dunia' } as const;

/**
 * Ends a membership (`endMembership`): the member left or died on `date`
 * (today by default; not before they joined or their last savings
 * transaction); every positive savings balance is paid back to them or
 * their heirs (`withdrawAllSavings`), then the status is set. Afterwards
 * they save nothing more. A retry with the same id and content answers the
 * first result; the same id with other content is an `IdempotencyConflict`;
 * a membership already ended otherwise is `InvalidState`.
 */
export async function endMembership(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  memberId: string,
  input: EndMembershipInput,
): Promise<EndMembershipResult> {
  checkInput(input);
  const member = await loadMemberForSavings(db, coopId, memberId);
  const reason = input.reason.trim();
  const hash = contentHash({
    end: memberId,
    s: input.status,
    t: input.date ?? null,
    me: input.method,
    r: reason,
  });
  const ids = SAVINGS_KINDS.map((k) => withdrawalIdOf(input.id, k));
  const earlier = await findSavingsTransactionsById(db, coopId, ids);
  if (earlier.some((t) => t.contentHash !== hash))
    throw new DomainError('IdempotencyConflict', {
      message: 'Berakhirnya keanggotaan dengan id ini sudah tercatat dengan isi yang berbeda',
      messageEn: 'An end of membership with this id was recorded with other content',
    });
  const result = (rows: SavingsTransactionTable[], leftOn: string, created: boolean) => ({
    memberId,
    status: input.status,
    leftOn,
    withdrawals: rows.map((t) => ({ id: t.id, kind: t.kind, amount: t.amount })),
    total: rows.reduce((s, t) => s + t.amount, 0),
    created,
  });
  if (member.status !== 'active') {
    const same =
      member.status === input.status &&
      member.leftOn !== null &&
      (input.date === undefined || input.date === member.leftOn);
    if (same && (earlier.length > 0 || (await hasNoSavings(db, member))))
      return result(
        SAVINGS_KINDS.flatMap((k) => earlier.filter((t) => t.kind === k)),
        member.leftOn!,
        false,
      );
    throw new DomainError('InvalidState', {
      message: `Keanggotaan ${member.name} sudah berakhir (${STATUS_WORDS[member.status === 'deceased' ? 'deceased' : 'left']} ${member.leftOn ?? '-'})`,
      messageEn: `${member.name}'s membership has already ended (${member.leftOn ?? '-'})`,
    });
  }
  const date = businessDateOf(ctx, input.date);
  const last = (await findMemberSavingsTransactions(db, coopId, memberId)).at(-1)?.txDate;
  const earliest = last && last > member.joinedOn ? last : member.joinedOn;
  if (date < earliest)
    throw new DomainError('ValidationFailed', {
      message: `Tanggal berakhir ${date} sebelum ${earliest} (tanggal masuk atau transaksi simpanan terakhir)`,
      messageEn: `The end date ${date} is before ${earliest} (joined, or the last savings transaction)`,
      details: [
        {
          path: '/date',
          message: `paling awal ${longDate(earliest)}`,
          messageEn: `must be on or after ${earliest}`,
        },
      ],
    });
  const rows = await withdrawAllSavings(db, ctx, member, {
    commandId: input.id,
    date,
    method: input.method,
    note: `Keanggotaan berakhir (${STATUS_WORDS[input.status]}): ${reason}`.slice(0, 200),
    hash,
  });
  await markMemberEnded(db, {
    orgId: coopId,
    id: memberId,
    status: input.status,
    leftOn: date,
    updatedAt: ctx.clock.now().toISOString(),
  });
  // An officer who leaves gives up the office.
  if (member.role) await assignMemberRole(db, member, null, ctx.clock.now().toISOString());
  return result(rows, date, true);
}

/** Whether a member ended with nothing to pay back: every balance is zero. */
async function hasNoSavings(db: Db, member: SavingsMember): Promise<boolean> {
  const b = await sumMemberSavings(db, member.orgId, member.id);
  return b.pokok === 0 && b.wajib === 0 && b.sukarela === 0;
}
