import { api } from '../../app/api.ts';
import { postReversal } from '../corrections/reversal-api.ts';
import { answerOf } from './answer.ts';
import { sendDeposits } from './deposit-sync.ts';
import {
  claimWaitingSales,
  isWaiting,
  onOutboxChange,
  storeResults,
  storeReversalResult,
  waitingReversals,
  type OutboxSale,
  type SendResult,
} from './outbox.ts';
import { reversalOutcome } from './void-sale.ts';

/** Sales per request: small enough for a slow mobile link, large enough to catch up quickly. */
export const SYNC_BATCH = 25;
const MIN_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 60_000;

export type SyncStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'offline'; retryInMs: number }
  | { kind: 'signedOut' };

interface Problem {
  code?: string;
  detail?: string;
}

type BatchOutcome = 'done' | 'more' | 'offline' | 'signedOut';

async function post(coopId: string, sales: OutboxSale[]) {
  return api.POST('/api/v1/cooperatives/{id}/sales', {
    params: { path: { id: coopId } },
    body: { sales: sales.map((s) => s.sale) },
  });
}

/**
 * Sends one batch of waiting sales and stores each result. A request the server refuses as a whole
 * (a malformed sale) is retried one sale at a time, so one bad sale never blocks the others.
 */
async function sendBatch(coopId: string): Promise<BatchOutcome> {
  const batch = await claimWaitingSales(coopId, SYNC_BATCH);
  if (batch.length === 0) return 'done';
  let res: Awaited<ReturnType<typeof post>>;
  try {
    res = await post(coopId, batch);
  } catch {
    return 'offline'; // no answer: the server may or may not have the sales; resending is safe
  }
  const status = res.response.status;
  if (status === 401 || status === 403) return 'signedOut';
  if (status >= 500 || status === 429) return 'offline';
  if (res.data) {
    const results: SendResult[] = res.data.results.map((r) =>
      r.status === 'rejected'
        ? {
            id: r.id,
            state: 'refused',
            ...(r.code ? { code: r.code } : {}),
            ...(r.message ? { message: r.message } : {}),
          }
        : { id: r.id, state: 'sent', ...(r.message ? { message: r.message } : {}) },
    );
    await storeResults(results);
    return batch.length < SYNC_BATCH ? 'done' : 'more';
  }
  // 4xx for the whole request: find the culprit(s) one by one.
  for (const s of batch) {
    if (!(await isWaiting(s.id))) continue; // voided meanwhile: its void has seen it tried
    let one: Awaited<ReturnType<typeof post>>;
    try {
      one = await post(coopId, [s]);
    } catch {
      return 'offline';
    }
    const st = one.response.status;
    if (st === 401 || st === 403) return 'signedOut';
    if (st >= 500 || st === 429) return 'offline';
    if (one.data) {
      const r = one.data.results[0];
      await storeResults([
        r?.status === 'rejected'
          ? { id: s.id, state: 'refused', code: r.code ?? '', message: r.message ?? '' }
          : { id: s.id, state: 'sent', ...(r?.message ? { message: r.message } : {}) },
      ]);
    } else {
      const p = (one.error ?? {}) as Problem;
      await storeResults([
        { id: s.id, state: 'refused', code: p.code ?? String(st), message: p.detail ?? '' },
      ]);
    }
  }
  return 'more';
}

/**
 * Sends the waiting reversals (voids of sales the server has, or may have), one request each, after
 * the sales: a reversal's sale is never behind it in the queue.
 */
async function sendReversals(coopId: string): Promise<Exclude<BatchOutcome, 'more'>> {
  for (const s of await waitingReversals(coopId)) {
    const r = s.reversal!;
    const answer = await answerOf(() => postReversal('sale', s.id, { id: r.id, reason: r.reason }));
    const outcome = reversalOutcome(answer, r);
    if (outcome.state === 'offline' || outcome.state === 'signedOut') return outcome.state;
    await storeReversalResult(s.id, outcome);
  }
  return 'done';
}

/**
 * Sends until nothing waits, the link fails, or the session is gone: the sales, then their
 * reversals, then the members' savings deposits.
 */
export async function drainOutbox(coopId: string): Promise<Exclude<BatchOutcome, 'more'>> {
  for (;;) {
    const outcome = await sendBatch(coopId);
    if (outcome === 'more') continue;
    if (outcome !== 'done') return outcome;
    const reversals = await sendReversals(coopId);
    return reversals === 'done' ? sendDeposits(coopId) : reversals;
  }
}

/** One sender per cooperative across the browser's tabs (Web Locks); the others wait their turn. */
async function drainExclusively(coopId: string): Promise<Exclude<BatchOutcome, 'more'> | 'busy'> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return drainOutbox(coopId);
  return locks.request(`lumbung-outbox-${coopId}`, { ifAvailable: true }, async (lock) =>
    lock ? drainOutbox(coopId) : 'busy',
  );
}

/**
 * Keeps the outbox flowing while the cashier screen is open: at once, when a sale is written, when
 * the browser comes online, and after a failure with exponential backoff (2 s … 60 s).
 */
export function startOutboxSync(coopId: string, onStatus: (s: SyncStatus) => void): () => void {
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let backoff = MIN_BACKOFF_MS;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };
  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      // Known to be offline: wait for the 'online' event (and look again now and then).
      onStatus({ kind: 'offline', retryInMs: MAX_BACKOFF_MS });
      schedule(MAX_BACKOFF_MS);
      return;
    }
    running = true;
    onStatus({ kind: 'sending' });
    try {
      const outcome = await drainExclusively(coopId);
      if (outcome === 'offline') {
        onStatus({ kind: 'offline', retryInMs: backoff });
        schedule(backoff);
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      } else if (outcome === 'signedOut') {
        onStatus({ kind: 'signedOut' });
      } else {
        backoff = MIN_BACKOFF_MS;
        onStatus({ kind: 'idle' });
        // Another tab held the lock: look again shortly, in case it closed mid-way.
        if (outcome === 'busy') schedule(5_000);
      }
    } catch {
      onStatus({ kind: 'offline', retryInMs: backoff });
      schedule(backoff);
      backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        void run();
      }
    }
  };
  const online = () => {
    backoff = MIN_BACKOFF_MS;
    void run();
  };
  window.addEventListener('online', online);
  const unsubscribe = onOutboxChange(() => void run());
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener('online', online);
    unsubscribe();
  };
}
