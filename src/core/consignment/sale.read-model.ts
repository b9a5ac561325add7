import type { Db } from '../../db/database.ts';
import { findSaleLines, findSales } from './consignment.repository.ts';
import { documentPage, pageOfDocuments, type Page, type PageQuery } from './document-page.ts';

type SaleRow = Awaited<ReturnType<typeof findSales>>[number];
type SaleLineRow = Awaited<ReturnType<typeof findSaleLines>>[number];

/** A sale as the API shows it: the clock-skew flag as a boolean, with its lines. */
export type SaleView = Omit<SaleRow, 'clockSkew'> & { clockSkew: boolean; lines: SaleLineRow[] };

/** The one mapper of a sale row (its lines are picked from those given). */
export function toSaleView(row: SaleRow, lines: SaleLineRow[]): SaleView {
  return {
    ...row,
    clockSkew: row.clockSkew === 1,
    lines: lines.filter((l) => l.saleId === row.id),
  };
}

/** A page of a cooperative's sales, newest first (optionally of a date range or one posting), each with its lines. */
export async function listSalesWithLines(
  db: Db,
  coopId: string,
  q: PageQuery & { from?: string; to?: string; postingId?: string },
): Promise<Page<SaleView>> {
  const rows = await findSales(db, coopId, {
    from: q.from,
    to: q.to,
    postingId: q.postingId,
    ...documentPage(q),
  });
  const page = pageOfDocuments(rows, q, (r) => r.saleDate);
  const lines = await findSaleLines(
    db,
    coopId,
    page.items.map((s) => s.id),
  );
  return { ...page, items: page.items.map((s) => toSaleView(s, lines)) };
}
