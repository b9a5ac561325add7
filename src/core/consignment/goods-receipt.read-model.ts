import type { Db } from '../../db/database.ts';
import { numberSearchPattern } from '../numbering/index.ts';
import { findGoodsReceipts } from './consignment.repository.ts';
import { documentPage, pageOfDocuments, type PageQuery } from './document-page.ts';

/** A page of a hub's goods receipts, newest first; `q` keeps those whose number contains it (any case). */
export async function listGoodsReceipts(db: Db, hubId: string, q: PageQuery & { q?: string }) {
  const rows = await findGoodsReceipts(db, hubId, {
    ...documentPage(q),
    numberLike: numberSearchPattern(q.q),
  });
  return pageOfDocuments(rows, q, (r) => r.receiptDate);
}
