import type { Db } from '../../db/database.ts';
import { numberSearchPattern } from '../numbering/index.ts';
import { documentPage, pageOfDocuments, type Page, type PageQuery } from './document-page.ts';
import {
  findDocumentLines,
  findStockCounts,
  findStockReturns,
} from './returns-counts.repository.ts';

/** One line of a listed return or count: units returned, or the count's difference (negative = shortage). */
export interface DocumentLineView {
  productId: string;
  productName: string;
  quantity: number;
}

/** A return (RTR) or stock count (SO) as the cooperative's lists show it. */
export interface StockDocumentView {
  id: string;
  number: string;
  date: string;
  lines: DocumentLineView[];
  /** A return: its value at the hub's cost; a count: the shrinkage charged. */
  value: number;
  /** A return's reason as written. */
  reason?: string;
}

type Query = PageQuery & { q?: string };

/** The page's documents with their lines. */
async function withLines(
  db: Db,
  kind: 'return' | 'count',
  coopId: string,
  page: Page<Omit<StockDocumentView, 'lines'>>,
): Promise<Page<StockDocumentView>> {
  const lines = await findDocumentLines(
    db,
    kind,
    coopId,
    page.items.map((d) => d.id),
  );
  return {
    ...page,
    items: page.items.map((d) => ({
      ...d,
      lines: lines
        .filter((l) => l.documentId === d.id)
        .map(({ productId, productName, quantity }) => ({ productId, productName, quantity })),
    })),
  };
}

/** A page of a cooperative's returns to the hub, newest first; `q` keeps those whose number contains it. */
export async function listReturns(
  db: Db,
  coopId: string,
  q: Query,
): Promise<Page<StockDocumentView>> {
  const rows = await findStockReturns(db, coopId, {
    ...documentPage(q),
    numberLike: numberSearchPattern(q.q),
  });
  const page = pageOfDocuments(rows, q, (r) => r.returnDate);
  return withLines(db, 'return', coopId, {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      date: r.returnDate,
      value: r.value,
      reason: r.reason,
    })),
  });
}

/** A page of a cooperative's stock counts, newest first; `q` keeps those whose number contains it. */
export async function listStockCounts(
  db: Db,
  coopId: string,
  q: Query,
): Promise<Page<StockDocumentView>> {
  const rows = await findStockCounts(db, coopId, {
    ...documentPage(q),
    numberLike: numberSearchPattern(q.q),
  });
  const page = pageOfDocuments(rows, q, (r) => r.countDate);
  return withLines(db, 'count', coopId, {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      number: r.number,
      date: r.countDate,
      value: r.shrinkageAmount,
    })),
  });
}
