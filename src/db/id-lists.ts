/**
 * Id lists in SQL `in (…)`. PostgreSQL takes at most 65,535 bind parameters
 * per statement and SQLite 32,766 host parameters, so a list that grows with
 * the network (every cooperative of a hub: ~83,000 nationally) is sent in
 * chunks. Where the ids come from a query anyway, a subquery on what they
 * were derived from is better still (no parameters at all).
 */

/** Ids per statement: far under both engines' limits, leaving room for the other parameters. */
export const ID_CHUNK = 10_000;

/** The items in consecutive slices of at most `size`. */
export function chunksOf<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Runs `query` for the distinct ids, one statement per chunk, one after the
 * other (a transaction holds one connection), and concatenates the rows.
 * Up to `size` ids it is a single statement, exactly as before. Beyond, the
 * ids are sorted first, so rows a query orders by that id stay in that order
 * across chunks (for ids of one case and alphabet, as the generated ids are);
 * rows grouped by the id are disjoint between chunks.
 */
export async function selectInChunks<T extends string | number, R>(
  ids: readonly T[],
  query: (chunk: T[]) => Promise<R[]>,
  size = ID_CHUNK,
): Promise<R[]> {
  const distinct = [...new Set(ids)];
  if (distinct.length <= size) return query(distinct);
  distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: R[] = [];
  for (const chunk of chunksOf(distinct, size)) for (const r of await query(chunk)) out.push(r);
  return out;
}

/**
 * Runs a query that sums per key (a month, a product) for the ids in
 * chunks and adds the chunks' sums of the same key up. Sums over disjoint
 * id sets add up; so do counts of distinct ids.
 */
export async function sumInChunks<T extends string | number, R>(
  ids: readonly T[],
  query: (chunk: T[]) => Promise<R[]>,
  keyOf: (row: R) => string,
  add: (a: R, b: R) => R,
  size = ID_CHUNK,
): Promise<R[]> {
  const merged = new Map<string, R>();
  for (const r of await selectInChunks(ids, query, size)) {
    const k = keyOf(r);
    const prev = merged.get(k);
    merged.set(k, prev === undefined ? r : add(prev, r));
  }
  return [...merged.values()];
}
