import type { Db } from '../../db/database.ts';
import type { DocumentKind } from './numbering.table.ts';

/**
 * Takes the next number of the issuer's sequence for a kind and year: one
 * statement that creates the row at 1 or adds 1 to it, and returns the value.
 * On PostgreSQL the row stays locked until the transaction ends, so a
 * concurrent transaction waits and then reads the committed value (or the old
 * one, if this transaction rolls back): numbers are consecutive with no gap.
 * SQLite runs one write transaction at a time.
 */
export async function takeNextSequenceValue(
  db: Db,
  orgId: string,
  kind: DocumentKind,
  year: number,
): Promise<number> {
  const row = await db
    .insertInto('documentSequence')
    .values({ orgId, kind, year, lastNumber: 1 })
    .onConflict((oc) =>
      oc
        .columns(['orgId', 'kind', 'year'])
        .doUpdateSet((eb) => ({ lastNumber: eb('documentSequence.lastNumber', '+', 1) })),
    )
    .returning('lastNumber')
    .executeTakeFirstOrThrow();
  return Number(row.lastNumber);
}

/** The last number issued per kind and year by an organization (none: no row). */
export async function findSequences(db: Db, orgId: string) {
  return db
    .selectFrom('documentSequence')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('kind')
    .orderBy('year')
    .execute();
}
