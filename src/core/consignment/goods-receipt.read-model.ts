import type { Db } from '../../db/database.ts';
import { findGoodsReceipts } from './consignment.repository.ts';
import { documentPage, pageOfDocuments, type PageQuery } from './document-page.ts';

/** A page of a hub's goods receipts, newest first. */
export async function listGoodsReceipts(db: Db, hubId: string, q: PageQuery) {
  const rows = await findGoodsReceipts(db, hubId, documentPage(q));
  return pageOfDocuments(rows, q, (r) => r.receiptDate);
}
