/** A sale line as listed (listSales). */
export interface SoldLine {
  lineNo: number;
  productId: string;
  qty: number;
  unitPrice: number;
}

/** What a product of the sale can still be returned: units left and their prices, line by line. */
export interface Returnable {
  productId: string;
  name: string;
  sold: number;
  refunded: number;
  /** Unit prices of the units not yet returned, in line order (the server refunds them so). */
  prices: number[];
}

/** The products of a sale with what is left to return (units already refunded come off the first lines). */
export function returnables(
  lines: SoldLine[],
  refunded: Map<string, number>,
  nameOf: (productId: string) => string,
): Returnable[] {
  const out = new Map<string, Returnable>();
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const r = out.get(l.productId) ?? {
      productId: l.productId,
      name: nameOf(l.productId),
      sold: 0,
      refunded: refunded.get(l.productId) ?? 0,
      prices: [],
    };
    r.sold += l.qty;
    for (let i = 0; i < l.qty; i++) r.prices.push(l.unitPrice);
    out.set(l.productId, r);
  }
  for (const r of out.values()) r.prices = r.prices.slice(r.refunded);
  return [...out.values()];
}

/** The money paid back for `qty` more units of a product. */
export const refundAmountOf = (r: Returnable, qty: number) =>
  r.prices.slice(0, qty).reduce((s, p) => s + p, 0);
