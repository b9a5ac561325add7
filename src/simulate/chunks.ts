import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { transactionRunAgain } from '../db/retry.ts';

export interface ChunkOptions {
  /** Items per transaction. */
  per: number;
  /** Slices of the items worked on at once, each by its own transactions (PostgreSQL). */
  workers: number;
}

/** Runs `fn` for every item of `chunk` in one transaction, again whole after a deadlock. */
function inTransaction<T, R>(
  db: Kysely<Database>,
  chunk: T[],
  fn: (trx: Kysely<Database>, item: T) => Promise<R>,
): Promise<R[]> {
  return transactionRunAgain(
    db,
    async (trx) => {
      const rs: R[] = [];
      for (const item of chunk) rs.push(await fn(trx, item));
      return rs;
    },
    5,
  );
}

/**
 * Runs `fn` for every item, `per` items to a transaction, the items split into
 * `workers` contiguous slices worked on at once; a transaction that meets a
 * deadlock runs again whole. Returns the results in the items' order and
 * tells `onChunk` how many items each committed transaction did and how many
 * are done.
 */
export async function inChunks<T, R>(
  db: Kysely<Database>,
  items: T[],
  opts: ChunkOptions,
  onChunk: (count: number, done: number) => void,
  fn: (trx: Kysely<Database>, item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  const size = Math.max(1, Math.ceil(items.length / Math.max(1, opts.workers)));
  const starts = Array.from({ length: Math.ceil(items.length / size) }, (_, i) => i * size);
  let done = 0;
  await Promise.all(
    starts.map(async (start) => {
      const slice = items.slice(start, start + size);
      for (let from = 0; from < slice.length; from += opts.per) {
        const chunk = slice.slice(from, from + opts.per);
        const results = await inTransaction(db, chunk, fn);
        results.forEach((r, k) => (out[start + from + k] = r));
        done += chunk.length;
        onChunk(chunk.length, done);
      }
    }),
  );
  return out;
}
