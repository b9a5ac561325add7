import { decodeCursor, pageOf } from '../shared/cursor.ts';
import type { DocumentPage } from './consignment.repository.ts';

/** A page asked for: its size and the cursor the previous page answered. */
export interface PageQuery {
  limit: number;
  cursor?: string;
}

/** One page of documents, newest first. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** What to ask the repository for: one row more than the page (so a next page is known), after the cursor's row. */
export function documentPage(q: PageQuery): DocumentPage {
  const c = decodeCursor(q.cursor);
  return { limit: q.limit + 1, before: c ? { date: c[0], id: c[1] } : undefined };
}

/** The page of the rows fetched with {@link documentPage}, keyed by (date, id). */
export function pageOfDocuments<T extends { id: string }>(
  rows: T[],
  q: PageQuery,
  dateOf: (row: T) => string,
): Page<T> {
  return pageOf(rows, q.limit, (r) => [dateOf(r), r.id]);
}
