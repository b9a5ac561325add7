/**
 * A member's savings deposit taken at the counter: the outbox's second kind of entry (pure rules;
 * deposit-outbox.ts stores them, deposit-sync.ts sends them). Like a sale it is written on the device
 * first with its client id and date, and sent as it is to recordSavings: a resend is the same
 * deposit (idempotent by id). A deposit the server refuses (a 409 or 422: the member left, the pokok
 * was already paid…) keeps the server's reason and is not sent again.
 */
import { parseRupiah } from '../../ui/format.ts';
import type { Answer } from './answer.ts';
import type { ChosenMember } from './member-match.ts';
import { wibDate } from './void-sale.ts';

export type SavingsKind = 'pokok' | 'wajib' | 'sukarela';
export type DepositMethod = 'cash' | 'qris';
export const SAVINGS_KINDS: readonly SavingsKind[] = ['pokok', 'wajib', 'sukarela'];

/** The body of recordSavings, fixed when the cashier saves the deposit. */
export interface DepositPayload {
  id: string;
  kind: SavingsKind;
  direction: 'deposit';
  amount: number;
  /** The WIB business date it was taken on (synced later, it keeps that date). */
  date: string;
  method: DepositMethod;
}

export type DepositState = 'waiting' | 'sent' | 'refused';

export interface OutboxDeposit {
  id: string;
  coopId: string;
  member: ChosenMember;
  deposit: DepositPayload;
  state: DepositState;
  /** Why the server refused it (problem code, and its detail in the user's language). */
  code?: string;
  message?: string;
  /** When it was written (ms since epoch, device clock). */
  createdAt: number;
  sentAt?: number;
  attempts: number;
}

/** The amount the cashier typed ("50.000", "Rp 50.000", "50000"): whole rupiah above zero, else undefined. */
export function depositAmount(text: string): number | undefined {
  const n = parseRupiah(text);
  return n !== undefined && n > 0 ? n : undefined;
}

/** A new deposit waiting to be sent, taken at `now` (its business date is that day's in WIB). */
export function newDeposit(
  v: { id: string; coopId: string; member: ChosenMember; kind: SavingsKind; amount: number },
  method: DepositMethod,
  now: number,
): OutboxDeposit {
  return {
    id: v.id,
    coopId: v.coopId,
    member: v.member,
    deposit: {
      id: v.id,
      kind: v.kind,
      direction: 'deposit',
      amount: v.amount,
      date: wibDate(now),
      method,
    },
    state: 'waiting',
    createdAt: now,
    attempts: 0,
  };
}

/** What the server's answer to a deposit means for it. */
export type DepositOutcome =
  | { state: 'sent' }
  | { state: 'refused'; code: string; message: string }
  /** No answer, or the server is busy or failing: sent again later (the same deposit). */
  | { state: 'offline' }
  /** The session is gone: it waits until the cashier signs in again. */
  | { state: 'signedOut' };

export function depositOutcome(answer: Answer): DepositOutcome {
  if (answer === 'noAnswer') return { state: 'offline' };
  const { status } = answer;
  if (status === 200 || status === 201) return { state: 'sent' };
  if (status === 401 || status === 403) return { state: 'signedOut' };
  if (status >= 500 || status === 429 || status === 408) return { state: 'offline' };
  return {
    state: 'refused',
    code: answer.code ?? String(status),
    message: answer.message ?? '',
  };
}

/** The deposit once its outcome is stored (an `offline` or `signedOut` outcome leaves it waiting). */
export function withOutcome(d: OutboxDeposit, o: DepositOutcome, now: number): OutboxDeposit {
  if (d.state !== 'waiting') return d;
  const next = { ...d, attempts: d.attempts + 1 };
  if (o.state === 'sent') return { ...next, state: 'sent', sentAt: now };
  if (o.state === 'refused')
    return {
      ...next,
      state: 'refused',
      code: o.code,
      ...(o.message ? { message: o.message } : {}),
    };
  return next;
}
