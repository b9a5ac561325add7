import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';

/** Times a transaction is run at most when PostgreSQL ends it for a deadlock or a serialization failure. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * PostgreSQL's deadlock (40P01) and serialization failure (40001): the database rolled the
 * transaction back whole, and running it again is all that is needed.
 */
export function mayRunAgain(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * Runs `fn` in one transaction; when PostgreSQL ends it for a deadlock or a serialization
 * failure ({@link mayRunAgain}), runs it again from the start, at most `attempts` times in all.
 * `fn` must do nothing outside the database that a second run would repeat.
 */
export async function transactionRunAgain<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (e) {
      if (!mayRunAgain(e) || attempt >= attempts) throw e;
    }
  }
}
