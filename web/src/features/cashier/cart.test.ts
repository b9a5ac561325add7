import { describe, expect, it } from 'vitest';
import {
  addItem,
  cartTotal,
  cashSuggestions,
  changeDue,
  saleWarnings,
  sellable,
  setQty,
} from './cart.ts';

const gula = { id: 'g', name: 'Gula 1 kg', price: 17_500, ceiling: 17_500 };
const minyak = { id: 'm', name: 'Minyakita 1 L', price: 15_700, ceiling: 15_700 };

describe('cashier cart', () => {
  it('adds items, sets quantities and totals in whole rupiah', () => {
    let cart = addItem([], gula);
    cart = addItem(cart, minyak);
    cart = addItem(cart, gula);
    expect(cart.map((l) => [l.product.id, l.qty])).toEqual([
      ['g', 2],
      ['m', 1],
    ]);
    expect(cartTotal(cart)).toBe(50_700);
    cart = setQty(cart, 'm', 3);
    expect(cartTotal(cart)).toBe(35_000 + 47_100);
    expect(setQty(cart, 'm', -1)).toBe(cart);
    expect(setQty(cart, 'm', 1.5)).toBe(cart);
    expect(setQty(cart, 'm', 0).map((l) => l.product.id)).toEqual(['g']);
  });

  it('gives change only when the cash covers the total', () => {
    expect(changeDue(50_700, 100_000)).toBe(49_300);
    expect(changeDue(50_700, 50_700)).toBe(0);
    expect(changeDue(50_700, 50_000)).toBeNull();
  });

  it('suggests the exact amount and round notes above it', () => {
    expect(cashSuggestions(50_700)).toEqual([50_700, 60_000, 100_000]);
    expect(cashSuggestions(0)).toEqual([]);
  });

  it('will not sell above the regulated ceiling', () => {
    expect(sellable(gula)).toBe(true);
    expect(sellable({ ...gula, price: 18_000 })).toBe(false);
    expect(sellable({ ...gula, ceiling: null })).toBe(true);
  });
});

describe('what a sale asks before it is recorded', () => {
  const gula = { id: 'g', name: 'Gula 1 kg', price: 17_500, ceiling: null, stock: 10 };
  const karung = { id: 'k', name: 'Gula 50 kg', price: 860_000, ceiling: null, stock: 2 };
  it('names the lines above the store stock', () => {
    expect(saleWarnings([{ product: gula, qty: 10 }], 50_000).overStock).toEqual([]);
    expect(saleWarnings([{ product: gula, qty: 11 }], 50_000).overStock).toEqual([
      { name: 'Gula 1 kg', qty: 11, stock: 10 },
    ]);
    expect(saleWarnings([{ product: { ...gula, stock: -3 }, qty: 1 }], 50_000).overStock).toEqual([
      { name: 'Gula 1 kg', qty: 1, stock: 0 },
    ]);
  });
  it('tells a total far above the usual sale (20 times, at least Rp 5.000.000)', () => {
    expect(saleWarnings([{ product: karung, qty: 2 }], 50_000).implausible).toBe(false);
    expect(saleWarnings([{ product: karung, qty: 6 }], 50_000).implausible).toBe(true);
    expect(saleWarnings([{ product: karung, qty: 6 }], 400_000).implausible).toBe(false);
    expect(saleWarnings([{ product: karung, qty: 10 }], 400_000).implausible).toBe(true);
  });
});
