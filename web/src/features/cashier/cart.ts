/** The cashier's cart: pure functions over integer rupiah and integer units, so they are tested without a browser. */

export interface CartProduct {
  id: string;
  name: string;
  /** Retail price in force today (whole rupiah). */
  price: number;
  /** The regulated ceiling for this product, when one applies. */
  ceiling: number | null;
  /** Units in the store as last read (the server's count, or this device's copy offline). */
  stock?: number;
}

export interface CartLine {
  product: CartProduct;
  qty: number;
}

export const MAX_LINE_QTY = 9_999;

/** One more of a product (a new line at the end, or the existing line grows). */
export function addItem(cart: CartLine[], product: CartProduct): CartLine[] {
  const i = cart.findIndex((l) => l.product.id === product.id);
  if (i < 0) return [...cart, { product, qty: 1 }];
  return cart.map((l, j) => (j === i ? { ...l, qty: Math.min(MAX_LINE_QTY, l.qty + 1) } : l));
}

/** Sets a line's quantity; 0 removes the line. */
export function setQty(cart: CartLine[], productId: string, qty: number): CartLine[] {
  if (!Number.isInteger(qty) || qty < 0) return cart;
  if (qty === 0) return cart.filter((l) => l.product.id !== productId);
  return cart.map((l) =>
    l.product.id === productId ? { ...l, qty: Math.min(MAX_LINE_QTY, qty) } : l,
  );
}

export function lineTotal(l: CartLine): number {
  return l.qty * l.product.price;
}

export function cartTotal(cart: CartLine[]): number {
  return cart.reduce((t, l) => t + lineTotal(l), 0);
}

/** Change to hand back for cash received; `null` when the cash does not cover the total. */
export function changeDue(total: number, received: number): number | null {
  return received >= total ? received - total : null;
}

/** A price above its regulated ceiling cannot be sold (the server refuses it with PriceAboveCeiling). */
export function sellable(p: CartProduct): boolean {
  return p.ceiling === null || p.price <= p.ceiling;
}

/** Quick cash amounts a cashier taps: the exact total and the next round notes above it. */
export function cashSuggestions(total: number): number[] {
  if (total <= 0) return [];
  const out = new Set<number>([total]);
  for (const step of [10_000, 50_000, 100_000]) out.add(Math.ceil(total / step) * step);
  return [...out].sort((a, b) => a - b).slice(0, 4);
}

/** A sale far above the usual: above 20 times the month's average sale, and at least Rp 5.000.000. */
export const IMPLAUSIBLE_MIN = 5_000_000;

/**
 * What the cashier is asked to confirm before a sale is recorded (a sale that
 * happened is never refused): lines above the store's stock, and a total far
 * above the cooperative's usual sale.
 */
export function saleWarnings(
  cart: CartLine[],
  usualSale: number | undefined,
): { overStock: { name: string; qty: number; stock: number }[]; implausible: boolean } {
  const overStock = cart
    .filter((l) => l.product.stock !== undefined && l.qty > l.product.stock)
    .map((l) => ({ name: l.product.name, qty: l.qty, stock: Math.max(0, l.product.stock!) }));
  const total = cartTotal(cart);
  const implausible = total > Math.max(IMPLAUSIBLE_MIN, 20 * (usualSale ?? 0));
  return { overStock, implausible };
}
