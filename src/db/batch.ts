import type { Db } from './database.ts';
import type { Database } from './database.ts';
import type { Insertable } from 'kysely';

/** Rows per INSERT: keeps every statement under both engines' bound-parameter limits. */
const MAX_PARAMS = 30_000;

/** Inserts rows in as few multi-row statements as the engines allow. */
export async function insertMany<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length || 1;
  const chunk = Math.max(1, Math.floor(MAX_PARAMS / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (db as any)
      .insertInto(table)
      .values(rows.slice(i, i + chunk))
      .execute();
  }
}
