import type { Db } from '../../db/database.ts';
import type { ReversibleDocType } from './corrections.table.ts';
import { findReversalsOfDocuments } from './corrections.repository.ts';

/** A list's items with whether each was reversed, and by which reversal (for the lists' "dibatalkan" mark). */
export async function markReversed<T extends { id: string }>(
  db: Db,
  docType: ReversibleDocType,
  items: T[],
): Promise<(T & { reversed: boolean; reversalId?: string })[]> {
  const by = await findReversalsOfDocuments(
    db,
    docType,
    items.map((i) => i.id),
  );
  return items.map((i) => {
    const reversalId = by.get(i.id);
    return reversalId ? { ...i, reversed: true, reversalId } : { ...i, reversed: false };
  });
}
