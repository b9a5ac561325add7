/**
 * Voiding a sale of this device (pure rules; `outbox.ts` stores their results). A sale the server
 * has never seen is voided on the device and never sent. A sale it has (or may have: a send was
 * tried and no answer stored) is undone by a reversal queued in the same outbox, sent like a sale:
 * with its client id, so a resend is the same reversal.
 */

import type { Answer } from './answer.ts';

/** A reversal waiting in the outbox, or what the server said of it. */
export interface QueuedReversal {
  /** Client id of the reversing document. */
  id: string;
  reason: string;
  /**
   * `unneeded`: the sale had been tried but the server never got it (it answered 404 to the
   * reversal): voided on the device alone, as if never sent.
   */
  state: 'waiting' | 'sent' | 'refused' | 'unneeded';
  /** The sale may not have reached the server (tried, no answer): a 404 means it did not. */
  uncertain: boolean;
  createdAt: number;
  sentAt?: number;
  attempts: number;
  code?: string;
  message?: string;
}

/** What voiding needs of a sale of the outbox. */
export interface VoidableSale {
  state: 'waiting' | 'sent' | 'refused' | 'voided';
  /** A send was started (and may have reached the server) before any answer was stored. */
  tried?: boolean;
  sale: { occurredAt: string };
  voidedAt?: number;
  voidReason?: string;
  reversal?: QueuedReversal;
}

/** The WIB business date of an instant (`YYYY-MM-DD`). */
export function wibDate(instant: string | number | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(instant));
}

/** A cashier voids its device's sale of today (WIB), once; a refused sale is dismissed instead. */
export function canVoid(s: VoidableSale, today: string): boolean {
  return (
    (s.state === 'waiting' || s.state === 'sent') &&
    !s.reversal &&
    wibDate(s.sale.occurredAt) === today
  );
}

/** How a void ends for the cashier: gone before the server saw it, or a reversal to send. */
export type VoidKind = 'local' | 'reversal';

/**
 * The sale after the cashier voids it: never tried → `voided` on the device only; tried without
 * an answer → `voided` and a reversal (the server may have it); sent → a reversal. Throws when the
 * sale cannot be voided (already voided, refused, not of today).
 */
export function voidedSale<T extends VoidableSale>(
  s: T,
  v: { reason: string; reversalId: string; now: number; today: string },
): { sale: T; kind: VoidKind } {
  if (!canVoid(s, v.today)) throw new Error('This sale cannot be voided on this device.');
  const reversal = (uncertain: boolean): QueuedReversal => ({
    id: v.reversalId,
    reason: v.reason,
    state: 'waiting',
    uncertain,
    createdAt: v.now,
    attempts: 0,
  });
  if (s.state === 'sent') return { sale: { ...s, reversal: reversal(false) }, kind: 'reversal' };
  const voided: T = { ...s, state: 'voided', voidedAt: v.now, voidReason: v.reason };
  return s.tried
    ? { sale: { ...voided, reversal: reversal(true) }, kind: 'reversal' }
    : { sale: voided, kind: 'local' };
}

/** What one answer to a queued reversal means. */
export type ReversalOutcome =
  | { state: 'sent' | 'unneeded' }
  | { state: 'refused'; code: string; message: string }
  | { state: 'offline' }
  | { state: 'signedOut' };

/**
 * The server's answer to a reversal: created or replayed → sent; `AlreadyReversed` → sent (the
 * manager undid it first: the cashier's wish holds); 404 for a sale that may never have arrived →
 * unneeded; no answer, 5xx, 429 → try again later; 401 → sign in again; any other refusal is shown.
 */
export function reversalOutcome(
  answer: Answer,
  r: Pick<QueuedReversal, 'uncertain'>,
): ReversalOutcome {
  if (answer === 'noAnswer') return { state: 'offline' };
  const { status } = answer;
  if (status === 200 || status === 201) return { state: 'sent' };
  if (status === 401) return { state: 'signedOut' };
  if (status >= 500 || status === 429) return { state: 'offline' };
  if (status === 409 && answer.code === 'AlreadyReversed') return { state: 'sent' };
  if (status === 404 && r.uncertain) return { state: 'unneeded' };
  return {
    state: 'refused',
    code: answer.code ?? String(status),
    message: answer.message ?? '',
  };
}

/** How a sale of the device shows in the cashier's history. */
export type VoidState =
  'none' | 'voidedLocally' | 'reversalWaiting' | 'reversed' | 'reversalRefused';

export function voidStateOf(s: VoidableSale): VoidState {
  const r = s.reversal;
  if (!r) return s.state === 'voided' ? 'voidedLocally' : 'none';
  if (r.state === 'unneeded') return 'voidedLocally';
  if (r.state === 'sent') return 'reversed';
  if (r.state === 'refused') return 'reversalRefused';
  return 'reversalWaiting';
}
