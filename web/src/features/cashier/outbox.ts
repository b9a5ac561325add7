import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxDeposit } from './savings-deposit.ts';
import { voidedSale, type QueuedReversal, type VoidKind } from './void-sale.ts';

/**
 * The cashier's outbox in IndexedDB: every sale is written here, with its client id, before the
 * receipt shows; the sync sends what is waiting. A sale's content never changes once written, so a
 * resend is the same sale to the server (idempotent by id): never lost, never counted twice.
 */

/** `voided`: the cashier voided it before the server had it; it is never sent (void-sale.ts). */
export type SaleState = 'waiting' | 'sent' | 'refused' | 'voided';

export interface SalePayload {
  id: string;
  occurredAt: string;
  paymentMethod: 'cash' | 'qris' | 'transfer';
  lines: { productId: string; qty: number; unitPrice: number }[];
  /** The member who bought, chosen at the counter (the server checks it on sync). */
  memberId?: string;
}

export interface OutboxSale {
  id: string;
  coopId: string;
  sale: SalePayload;
  /** Retail total in whole rupiah, for the screen. */
  total: number;
  /** Product names at the time of the sale, for the screen and the receipt. */
  names: Record<string, string>;
  /** The member's number and name at the time of the sale, for the screen. */
  member?: { memberNo: string; name: string };
  state: SaleState;
  /**
   * Why the server refused it (problem code and message in the user's language); for a sale it
   * took, what it said of it (its member was no member on the sale's date: a non-member sale).
   */
  code?: string;
  message?: string;
  /** When it was written (ms since epoch, device clock). */
  createdAt: number;
  sentAt?: number;
  attempts: number;
  /** A send of it was started: the server may have it even without a stored answer. */
  tried?: boolean;
  voidedAt?: number;
  voidReason?: string;
  /** The reversal that undoes it on the server, queued like a sale (void-sale.ts). */
  reversal?: QueuedReversal;
}

export interface CacheEntry<T = unknown> {
  key: string;
  savedAt: number;
  data: T;
}

interface CashierDb extends DBSchema {
  sales: { key: string; value: OutboxSale; indexes: { byCoop: string } };
  cache: { key: string; value: CacheEntry };
  /** Members' savings deposits taken at the counter (deposit-outbox.ts). */
  deposits: { key: string; value: OutboxDeposit; indexes: { byCoop: string } };
}

const DB_NAME = 'lumbung-cashier';
/** The schema version of the outbox database (stores and indexes): 2 added `deposits`. */
export const OUTBOX_DB_VERSION = 2;

let dbPromise: Promise<IDBPDatabase<CashierDb>> | undefined;
/** The outbox database, opened once (upgraded from any earlier version, its sales kept). */
export function outboxDb() {
  dbPromise ??= openDB<CashierDb>(DB_NAME, OUTBOX_DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        const sales = d.createObjectStore('sales', { keyPath: 'id' });
        sales.createIndex('byCoop', 'coopId');
        d.createObjectStore('cache', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        const deposits = d.createObjectStore('deposits', { keyPath: 'id' });
        deposits.createIndex('byCoop', 'coopId');
      }
    },
    // A newer release opened in another tab needs this connection closed to upgrade.
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
  });
  return dbPromise;
}
const db = outboxDb;

/** Tabs of this browser hear of every change (a sale written, a result stored). */
const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('lumbung-outbox');
const listeners = new Set<(added?: OutboxSale) => void>();
channel?.addEventListener('message', () => listeners.forEach((l) => l()));
/** Tells this tab's and the other tabs' listeners that the outbox changed. */
export function outboxChanged(added?: OutboxSale) {
  listeners.forEach((l) => l(added));
  channel?.postMessage('changed');
}
/**
 * Calls `fn` whenever the outbox changes, in this tab or another; returns the unsubscribe. When
 * this tab wrote a new sale, `fn` receives it (a list on screen can add it without re-reading).
 */
export function onOutboxChange(fn: (added?: OutboxSale) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Writes a new sale, waiting to be sent. Resolves once it is durably in IndexedDB. */
export async function addSale(
  s: Omit<OutboxSale, 'state' | 'attempts' | 'createdAt'> & { createdAt?: number },
) {
  const d = await db();
  const tx = d.transaction('sales', 'readwrite', { durability: 'strict' });
  const sale: OutboxSale = {
    ...s,
    state: 'waiting',
    attempts: 0,
    createdAt: s.createdAt ?? Date.now(),
  };
  // `add`, not `put`: an id is written once; a second write of the same id is a bug, not an update.
  await tx.store.add(sale);
  await tx.done;
  outboxChanged(sale);
}

/** Every sale of the cooperative on this device, newest first. */
export async function listSales(coopId: string): Promise<OutboxSale[]> {
  const all = await (await db()).getAllFromIndex('sales', 'byCoop', coopId);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * The oldest waiting sales, at most `limit`, marked `tried` in the same transaction before they are
 * sent: a void from then on (this tab or another) knows the server may have them and undoes them
 * by a reversal instead of dropping them. Only the sales returned here go into the request.
 */
export async function claimWaitingSales(coopId: string, limit: number): Promise<OutboxSale[]> {
  const tx = (await db()).transaction('sales', 'readwrite', { durability: 'strict' });
  const batch = (await tx.store.index('byCoop').getAll(coopId))
    .filter((s) => s.state === 'waiting')
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, limit);
  for (const s of batch) if (!s.tried) await tx.store.put({ ...s, tried: true });
  await tx.done;
  return batch;
}

/** Whether a sale still waits to be sent (not voided, answered or dismissed meanwhile). */
export async function isWaiting(id: string): Promise<boolean> {
  return (await (await db()).get('sales', id))?.state === 'waiting';
}

/**
 * Voids a sale of this device (void-sale.ts decides how) in one transaction; resolves once the
 * void, and the reversal it queues, are durably stored.
 */
export async function voidSale(
  id: string,
  v: { reason: string; reversalId: string; today: string },
): Promise<VoidKind> {
  const tx = (await db()).transaction('sales', 'readwrite', { durability: 'strict' });
  const s = await tx.store.get(id);
  if (!s) throw new Error('This sale is not on this device.');
  const { sale, kind } = voidedSale(s, { ...v, now: Date.now() });
  await tx.store.put(sale);
  await tx.done;
  outboxChanged();
  return kind;
}

/** The sales whose reversal waits to be sent, oldest void first. */
export async function waitingReversals(coopId: string): Promise<OutboxSale[]> {
  const all = await (await db()).getAllFromIndex('sales', 'byCoop', coopId);
  return all
    .filter((s) => s.reversal?.state === 'waiting')
    .sort((a, b) => (a.reversal?.createdAt ?? 0) - (b.reversal?.createdAt ?? 0));
}

/** Stores what the server said of a sale's reversal. */
export async function storeReversalResult(
  saleId: string,
  r:
    | { state: 'sent' | 'unneeded' }
    | { state: 'refused'; code: string; message: string }
    | { state: 'waiting' },
) {
  const tx = (await db()).transaction('sales', 'readwrite', { durability: 'strict' });
  const s = await tx.store.get(saleId);
  if (s?.reversal?.state === 'waiting') {
    const reversal: QueuedReversal = { ...s.reversal, attempts: s.reversal.attempts + 1 };
    if (r.state === 'refused') Object.assign(reversal, r);
    else if (r.state !== 'waiting') Object.assign(reversal, { state: r.state, sentAt: Date.now() });
    await tx.store.put({ ...s, reversal });
  }
  await tx.done;
  outboxChanged();
}

export type SendResult =
  | { id: string; state: 'sent'; message?: string }
  | { id: string; state: 'refused'; code?: string; message?: string }
  | { id: string; state: 'waiting' };

/** Stores what the server said of each sale (one transaction). */
export async function storeResults(results: SendResult[]) {
  const d = await db();
  const tx = d.transaction('sales', 'readwrite', { durability: 'strict' });
  for (const r of results) {
    const s = await tx.store.get(r.id);
    if (!s || s.state !== 'waiting') continue;
    const next: OutboxSale = { ...s, attempts: s.attempts + 1 };
    if (r.state === 'sent') {
      next.state = 'sent';
      next.sentAt = Date.now();
      if (r.message) next.message = r.message;
    } else if (r.state === 'refused') {
      next.state = 'refused';
      if (r.code) next.code = r.code;
      if (r.message) next.message = r.message;
    }
    await tx.store.put(next);
  }
  await tx.done;
  outboxChanged();
}

/** Removes a refused sale the manager has dealt with (re-entered or written off). */
export async function dismissSale(id: string) {
  const d = await db();
  const s = await d.get('sales', id);
  if (s?.state === 'refused') await d.delete('sales', id);
  outboxChanged();
}

/** Forgets sent sales older than `ms` (the server has them; the device keeps a short history). */
export async function pruneSent(coopId: string, ms: number) {
  const d = await db();
  const cutoff = Date.now() - ms;
  for (const s of await d.getAllFromIndex('sales', 'byCoop', coopId))
    if (s.state === 'sent' && (s.sentAt ?? 0) < cutoff && s.reversal?.state !== 'waiting')
      await d.delete('sales', s.id);
}

/** Keeps the last good copy of data the cashier needs offline (products, stock, merchant data). */
export async function saveCache<T>(key: string, data: T) {
  await (await db()).put('cache', { key, savedAt: Date.now(), data });
}

export async function readCache<T>(key: string): Promise<CacheEntry<T> | undefined> {
  return (await (await db()).get('cache', key)) as CacheEntry<T> | undefined;
}
