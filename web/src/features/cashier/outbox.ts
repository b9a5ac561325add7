import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The cashier's outbox in IndexedDB: every sale is written here, with its client id, before the
 * receipt shows; the sync sends what is waiting. A sale's content never changes once written, so a
 * resend is the same sale to the server (idempotent by id): never lost, never counted twice.
 */

export type SaleState = 'waiting' | 'sent' | 'refused';

export interface SalePayload {
  id: string;
  occurredAt: string;
  paymentMethod: 'cash' | 'qris' | 'transfer';
  lines: { productId: string; qty: number; unitPrice: number }[];
}

export interface OutboxSale {
  id: string;
  coopId: string;
  sale: SalePayload;
  /** Retail total in whole rupiah, for the screen. */
  total: number;
  /** Product names at the time of the sale, for the screen and the receipt. */
  names: Record<string, string>;
  state: SaleState;
  /** Why the server refused it (problem code and message in the user's language). */
  code?: string;
  message?: string;
  /** When it was written (ms since epoch, device clock). */
  createdAt: number;
  sentAt?: number;
  attempts: number;
}

export interface CacheEntry<T = unknown> {
  key: string;
  savedAt: number;
  data: T;
}

interface CashierDb extends DBSchema {
  sales: { key: string; value: OutboxSale; indexes: { byCoop: string } };
  cache: { key: string; value: CacheEntry };
}

const DB_NAME = 'lumbung-cashier';
/** The schema version of the outbox database (stores and indexes). */
export const OUTBOX_DB_VERSION = 1;

let dbPromise: Promise<IDBPDatabase<CashierDb>> | undefined;
function db() {
  dbPromise ??= openDB<CashierDb>(DB_NAME, OUTBOX_DB_VERSION, {
    upgrade(d) {
      const sales = d.createObjectStore('sales', { keyPath: 'id' });
      sales.createIndex('byCoop', 'coopId');
      d.createObjectStore('cache', { keyPath: 'key' });
    },
  });
  return dbPromise;
}

/** Tabs of this browser hear of every change (a sale written, a result stored). */
const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('lumbung-outbox');
const listeners = new Set<(added?: OutboxSale) => void>();
channel?.addEventListener('message', () => listeners.forEach((l) => l()));
function changed(added?: OutboxSale) {
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
  changed(sale);
}

/** Every sale of the cooperative on this device, newest first. */
export async function listSales(coopId: string): Promise<OutboxSale[]> {
  const all = await (await db()).getAllFromIndex('sales', 'byCoop', coopId);
  return all.sort((a, b) => b.createdAt - a.createdAt);
}

/** The oldest waiting sales, at most `limit`. */
export async function waitingSales(coopId: string, limit: number): Promise<OutboxSale[]> {
  const all = await (await db()).getAllFromIndex('sales', 'byCoop', coopId);
  return all
    .filter((s) => s.state === 'waiting')
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, limit);
}

export type SendResult =
  | { id: string; state: 'sent' }
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
    } else if (r.state === 'refused') {
      next.state = 'refused';
      if (r.code) next.code = r.code;
      if (r.message) next.message = r.message;
    }
    await tx.store.put(next);
  }
  await tx.done;
  changed();
}

/** Removes a refused sale the manager has dealt with (re-entered or written off). */
export async function dismissSale(id: string) {
  const d = await db();
  const s = await d.get('sales', id);
  if (s?.state === 'refused') await d.delete('sales', id);
  changed();
}

/** Forgets sent sales older than `ms` (the server has them; the device keeps a short history). */
export async function pruneSent(coopId: string, ms: number) {
  const d = await db();
  const cutoff = Date.now() - ms;
  for (const s of await d.getAllFromIndex('sales', 'byCoop', coopId))
    if (s.state === 'sent' && (s.sentAt ?? 0) < cutoff) await d.delete('sales', s.id);
}

/** Keeps the last good copy of data the cashier needs offline (products, stock, merchant data). */
export async function saveCache<T>(key: string, data: T) {
  await (await db()).put('cache', { key, savedAt: Date.now(), data });
}

export async function readCache<T>(key: string): Promise<CacheEntry<T> | undefined> {
  return (await (await db()).get('cache', key)) as CacheEntry<T> | undefined;
}
