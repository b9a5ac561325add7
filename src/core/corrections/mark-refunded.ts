import type { Db } from '../../db/database.ts';
import { findRefundsOfSales } from './refund.repository.ts';

/** A list's sales with what their buyers gave back so far, per product (empty: nothing). */
export async function markRefunded<T extends { id: string }>(
  db: Db,
  coopId: string,
  items: T[],
): Promise<(T & { refunded: { productId: string; quantity: number; amount: number }[] })[]> {
  const by = new Map<
    string,
    Map<string, { productId: string; quantity: number; amount: number }>
  >();
  for (const r of await findRefundsOfSales(
    db,
    coopId,
    items.map((i) => i.id),
  )) {
    const sale = by.get(r.saleId) ?? new Map();
    const p = sale.get(r.productId) ?? { productId: r.productId, quantity: 0, amount: 0 };
    p.quantity += r.qty;
    p.amount += r.amount;
    sale.set(r.productId, p);
    by.set(r.saleId, sale);
  }
  return items.map((i) => ({ ...i, refunded: [...(by.get(i.id)?.values() ?? [])] }));
}
