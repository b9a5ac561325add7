import type { Db } from '../../db/database.ts';
import { postJournalEntries } from '../ledger/index.ts';
import { businessDateOf, isReplay, type CommandContext } from '../shared/context.ts';
import { DomainError, type ErrorDetail } from '../shared/errors.ts';
import { contentHash, isUuid } from '../shared/ids.ts';
import { formatRupiah } from '../shared/money.ts';
import type {
  SavingsDirection,
  SavingsKind,
  SavingsMethod,
  SavingsTransactionTable,
} from './members.table.ts';
import {
  findMemberSavingsTransactions,
  findSavingsRuleOn,
  findSavingsTransaction,
  insertSavingsTransaction,
  sumMemberSavings,
  type SavingsMember,
} from './savings.repository.ts';
import { KIND_WORDS, SAVINGS_KINDS, savingsEntryLines } from './savings-postings.ts';
import { loadSavingsMember } from './savings-reads.ts';

const DIRECTIONS: readonly SavingsDirection[] = ['deposit', 'withdrawal'];
const METHODS: readonly SavingsMethod[] = ['cash', 'qris', 'transfer', 'payroll'];
/** Money is paid back in cash or by transfer only. */
const WITHDRAWAL_METHODS: readonly SavingsMethod[] = ['cash', 'transfer'];

export interface SavingsInput {
  id: string;
  kind: SavingsKind;
  direction: SavingsDirection;
  amount: number;
  date?: string;
  method: SavingsMethod;
  note?: string;
}

export type SavingsBalance = Record<SavingsKind, number>;

export interface SavingsResult {
  id: string;
  memberId: string;
  kind: SavingsKind;
  direction: SavingsDirection;
  amount: number;
  date: string;
  method: SavingsMethod;
  /** The member's balances once it is recorded. */
  balance: SavingsBalance;
  /** False when the same command was sent again (nothing changed). */
  created: boolean;
}

function checkInput(input: SavingsInput): void {
  const errors: ErrorDetail[] = [];
  if (typeof input.id !== 'string' || !isUuid(input.id))
    errors.push({ path: '/id', message: 'harus berupa UUID', messageEn: 'must be a UUID' });
  if (!SAVINGS_KINDS.includes(input.kind))
    errors.push({
      path: '/kind',
      message: `harus salah satu dari: ${SAVINGS_KINDS.join(', ')}`,
      messageEn: `must be one of ${SAVINGS_KINDS.join(', ')}`,
    });
  if (!DIRECTIONS.includes(input.direction))
    errors.push({
      path: '/direction',
      message: `harus salah satu dari: ${DIRECTIONS.join(', ')}`,
      messageEn: `must be one of ${DIRECTIONS.join(', ')}`,
    });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    errors.push({
      path: '/amount',
      message: 'harus rupiah bulat lebih dari 0',
      messageEn: 'must be whole rupiah > 0',
    });
  if (!METHODS.includes(input.method))
    errors.push({
      path: '/method',
      message: `harus salah satu dari: ${METHODS.join(', ')}`,
      messageEn: `must be one of ${METHODS.join(', ')}`,
    });
  else if (input.direction === 'withdrawal' && !WITHDRAWAL_METHODS.includes(input.method))
    errors.push({
      path: '/method',
      message: 'penarikan dibayar tunai atau transfer',
      messageEn: 'a withdrawal is paid in cash or by transfer',
    });
  if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > 200))
    errors.push({
      path: '/note',
      message: 'harus teks, paling banyak 200 karakter',
      messageEn: 'must be text up to 200 characters',
    });
  if (errors.length)
    throw new DomainError('ValidationFailed', {
      message: 'Transaksi simpanan tidak valid',
      messageEn: 'Invalid savings transaction',
      details: errors,
    });
}

/** Loads the member for a change of their savings, locking it (PostgreSQL) until the transaction ends. */
export async function loadMemberForSavings(
  db: Db,
  coopId: string,
  memberId: string,
): Promise<SavingsMember> {
  return loadSavingsMember(db, coopId, memberId, { lock: true });
}

/**
 * The lowest running balance of the kind once `amount` is taken on `date`:
 * a withdrawal must not leave any day's balance below zero, including days
 * after a back-dated one.
 */
async function lowestBalanceAfterWithdrawal(
  db: Db,
  member: SavingsMember,
  kind: SavingsKind,
  date: string,
  amount: number,
): Promise<{ lowest: number; onDate: number }> {
  const txs = (await findMemberSavingsTransactions(db, member.orgId, member.id)).filter(
    (t) => t.kind === kind,
  );
  let balance = 0;
  let onDate = 0;
  let lowest = Infinity;
  let taken = false;
  for (const t of txs) {
    if (!taken && t.txDate > date) {
      onDate = balance;
      balance -= amount;
      taken = true;
      lowest = Math.min(lowest, balance);
    }
    balance += t.direction === 'deposit' ? t.amount : -t.amount;
    lowest = Math.min(lowest, balance);
  }
  if (!taken) {
    onDate = balance;
    balance -= amount;
    lowest = Math.min(lowest, balance);
  }
  return { lowest, onDate };
}

/**
 * Writes one savings transaction and its entry, after the rules: only an
 * active member saves; the date lies on or after the day they joined; only
 * sukarela is withdrawn while a member (`ending`: the membership ends and
 * everything is paid back); no withdrawal takes a balance below zero on any
 * day (`InsufficientSavings`); pokok is paid up to the pokok in force on the
 * date (`SavingsRuleExceeded`), uncapped while no rules are on record. The
 * caller holds the member's lock.
 */
export async function writeSavingsTransaction(
  db: Db,
  ctx: CommandContext,
  member: SavingsMember,
  tx: Omit<SavingsInput, 'date'> & { date: string },
  opts: { hash: string; ending?: boolean },
): Promise<SavingsTransactionTable> {
  if (member.status !== 'active' && !opts.ending)
    throw new DomainError('InvalidState', {
      message: `${member.name} bukan lagi anggota aktif (keluar ${member.leftOn ?? '-'}); simpanan tidak dapat dicatat`,
      messageEn: `${member.name} is no longer an active member; savings cannot be recorded`,
    });
  if (tx.date < member.joinedOn)
    throw new DomainError('ValidationFailed', {
      message: `Tanggal ${tx.date} sebelum anggota masuk (${member.joinedOn})`,
      messageEn: `Date ${tx.date} is before the member joined (${member.joinedOn})`,
      details: [
        {
          path: '/date',
          message: 'tidak boleh sebelum anggota bergabung',
          messageEn: 'must not be before the member joined',
        },
      ],
    });
  if (tx.direction === 'withdrawal') {
    if (tx.kind !== 'sukarela' && !opts.ending)
      throw new DomainError('InvalidState', {
        message: `${KIND_WORDS[tx.kind]} hanya dikembalikan saat keanggotaan berakhir; yang dapat ditarik hanya simpanan sukarela`,
        messageEn: `${tx.kind} savings are returned only when the membership ends; only sukarela can be withdrawn`,
      });
    const { lowest, onDate } = await lowestBalanceAfterWithdrawal(
      db,
      member,
      tx.kind,
      tx.date,
      tx.amount,
    );
    if (lowest < 0)
      throw new DomainError('InsufficientSavings', {
        message: `Saldo ${KIND_WORDS[tx.kind]} ${member.name} pada ${tx.date} ${formatRupiah(onDate)}; penarikan ${formatRupiah(tx.amount)} melebihi saldo`,
        messageEn: `The ${tx.kind} balance on ${tx.date} is ${formatRupiah(onDate)}; a withdrawal of ${formatRupiah(tx.amount)} exceeds it`,
      });
  } else if (tx.kind === 'pokok') {
    const rule = await findSavingsRuleOn(db, member.orgId, tx.date);
    const paid = (await sumMemberSavings(db, member.orgId, member.id)).pokok;
    // Without savings rules on record the AD/ART's pokok is not known here: nothing to cap.
    const due = rule ? Math.max(0, rule.pokok - paid) : Infinity;
    if (rule && tx.amount > due)
      throw new DomainError('SavingsRuleExceeded', {
        message: `Simpanan pokok ${formatRupiah(rule.pokok)}; sisa yang harus dibayar ${formatRupiah(due)}`,
        messageEn: `Simpanan pokok is ${formatRupiah(rule.pokok)}; ${formatRupiah(due)} remains due`,
        details: [
          {
            path: '/amount',
            message: `paling banyak ${formatRupiah(due)}`,
            messageEn: `must be at most ${due}`,
          },
        ],
      });
  }
  const now = ctx.clock.now();
  const row: SavingsTransactionTable = {
    orgId: member.orgId,
    id: tx.id,
    memberId: member.id,
    kind: tx.kind,
    direction: tx.direction,
    amount: tx.amount,
    txDate: tx.date,
    method: tx.method,
    note: tx.note?.trim() || null,
    contentHash: opts.hash,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: now.toISOString(),
  };
  await insertSavingsTransaction(db, row);
  const verb = tx.direction === 'deposit' ? 'Setoran' : 'Penarikan';
  await postJournalEntries(
    db,
    [
      {
        orgId: member.orgId,
        book: 'cooperative',
        date: tx.date,
        docType: 'savings',
        docId: tx.id,
        memo: `${verb} ${KIND_WORDS[tx.kind]} ${member.memberNo} ${member.name}`,
        lines: savingsEntryLines(tx.kind, tx.direction, tx.method, tx.amount),
      },
    ],
    now,
  );
  return row;
}

const hashOf = (memberId: string, input: SavingsInput) =>
  contentHash({
    m: memberId,
    k: input.kind,
    d: input.direction,
    a: input.amount,
    t: input.date ?? null,
    me: input.method,
    n: input.note?.trim() || null,
  });

/**
 * A member's deposit or withdrawal (`recordSavings`): posted in the
 * cooperative's books under doc type `savings`, doc id = its client id. The
 * same id and content again answers the first result (`created: false`);
 * other content under the id is an `IdempotencyConflict`. The rules are
 * {@link writeSavingsTransaction}'s.
 */
export async function recordSavings(
  db: Db,
  ctx: CommandContext,
  coopId: string,
  memberId: string,
  input: SavingsInput,
): Promise<SavingsResult> {
  checkInput(input);
  const member = await loadMemberForSavings(db, coopId, memberId);
  const hash = hashOf(memberId, input);
  const existing = await findSavingsTransaction(db, coopId, input.id);
  let row: SavingsTransactionTable;
  if (isReplay(existing, hash, 'Transaksi simpanan')) row = existing!;
  else {
    const date = businessDateOf(ctx, input.date);
    row = await writeSavingsTransaction(db, ctx, member, { ...input, date }, { hash });
  }
  return {
    id: row.id,
    memberId: row.memberId,
    kind: row.kind,
    direction: row.direction,
    amount: row.amount,
    date: row.txDate,
    method: row.method,
    balance: await sumMemberSavings(db, coopId, memberId),
    created: !existing,
  };
}
