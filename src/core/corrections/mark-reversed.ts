import type { Db } from '../../db/database.ts';
import type { ReversibleDocType } from './corrections.table.ts';
import { findReversalsOfDocuments } from './corrections.repository.ts';

/**
 * A list's items with whether each was reversed, and by which reversal (for the lists' "dibatalkan"
 * mark). `docIdOf` names the document an item stands for when it is not the item's own id (a delivery
 * order's current receipt). `cooperativeId`: the items are one cooperative's (routes the sales' lookup).
 */
export async function markReversed<T extends { id: string }>(
  db: Db,
  docType: ReversibleDocType,
  items: T[],
  docIdOf: (item: T) => string = (i) => i.id,
  cooperativeId?: string,
): Promise<(T & { reversed: boolean; reversalId?: string })[]> {
  const by = await findReversalsOfDocuments(db, docType, items.map(docIdOf), cooperativeId);
  return items.map((i) => {
    const reversalId = by.get(docIdOf(i));
    return reversalId ? { ...i, reversed: true, reversalId } : { ...i, reversed: false };
  });
}
