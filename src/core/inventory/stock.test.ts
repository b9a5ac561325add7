import { describe, expect, it } from 'vitest';
import { VALUED_LOCATION_KINDS, averageUnitCost, checkMove, costOut } from './stock.ts';

describe('costOut', () => {
  it('takes the whole value when the balance empties, leaving no residue', () => {
    // 3 units worth 1,000: an average of 333.33… would leave 1 rupiah behind.
    expect(costOut({ qty: 3, value: 1_000 }, 3, 999)).toBe(1_000);
    expect(costOut({ qty: 10, value: 123_457 }, 10, 12_000)).toBe(123_457);
  });

  it('takes part of a balance at its moving average, rounded half up', () => {
    expect(costOut({ qty: 3, value: 1_000 }, 1, 999)).toBe(333);
    expect(costOut({ qty: 3, value: 1_000 }, 2, 999)).toBe(667);
    // 25,001 / 2 = 12,500.5
    expect(costOut({ qty: 2, value: 25_001 }, 1, 999)).toBe(12_501);
    // 40 sacks at 625,000 each; 7 out.
    expect(costOut({ qty: 40, value: 25_000_000 }, 7, 999)).toBe(4_375_000);
  });

  it('drains a balance piece by piece to exactly its value', () => {
    let balance = { qty: 7, value: 100_000 };
    let taken = 0;
    for (const qty of [2, 1, 3, 1]) {
      const value = costOut(balance, qty, 999);
      taken += value;
      balance = { qty: balance.qty - qty, value: balance.value - value };
    }
    expect(balance).toEqual({ qty: 0, value: 0 });
    expect(taken).toBe(100_000);
  });

  it('takes units beyond recorded stock at the fallback unit cost', () => {
    // 4 in stock worth 50,000, 6 sold: 50,000 + 2 × 12,000.
    expect(costOut({ qty: 4, value: 50_000 }, 6, 12_000)).toBe(74_000);
  });

  it('takes everything at the fallback cost from an empty balance', () => {
    expect(costOut({ qty: 0, value: 0 }, 5, 12_000)).toBe(60_000);
  });

  it('takes everything at the fallback cost from a negative balance', () => {
    expect(costOut({ qty: -3, value: -36_000 }, 2, 12_000)).toBe(24_000);
    expect(costOut({ qty: -3, value: 0 }, 1, 12_500)).toBe(12_500);
  });
});

describe('averageUnitCost', () => {
  it('is the balance value per unit, rounded half up', () => {
    expect(averageUnitCost({ qty: 40, value: 25_000_000 }, 1)).toBe(625_000);
    expect(averageUnitCost({ qty: 3, value: 1_000 }, 1)).toBe(333);
    expect(averageUnitCost({ qty: 3, value: 2_000 }, 1)).toBe(667);
    expect(averageUnitCost({ qty: 2, value: 25_001 }, 1)).toBe(12_501);
  });

  it('falls back when the balance holds no units or no value', () => {
    expect(averageUnitCost({ qty: 0, value: 0 }, 12_000)).toBe(12_000);
    expect(averageUnitCost({ qty: -2, value: -24_000 }, 12_000)).toBe(12_000);
    expect(averageUnitCost({ qty: 5, value: 0 }, 12_000)).toBe(12_000);
    expect(averageUnitCost({ qty: 5, value: -100 }, 12_000)).toBe(12_000);
  });
});

describe('checkMove', () => {
  const move = { qty: 10, value: 125_000, fromLocationId: 'wh-1', toLocationId: 'store-1' };

  it('accepts a positive whole quantity between two locations', () => {
    expect(() => checkMove(move)).not.toThrow();
    expect(() => checkMove({ ...move, qty: 1, value: 0 })).not.toThrow();
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['unsafe', Number.MAX_SAFE_INTEGER + 1],
  ])('rejects a %s quantity', (_what, qty) => {
    expect(() => checkMove({ ...move, qty })).toThrow(
      `Stock move qty must be a positive integer, got ${qty}`,
    );
  });

  it('rejects a fractional value', () => {
    expect(() => checkMove({ ...move, value: 12_500.5 })).toThrow(
      'Stock move value must be an integer, got 12500.5',
    );
  });

  it('rejects a move from a location to itself', () => {
    expect(() => checkMove({ ...move, toLocationId: 'wh-1' })).toThrow(
      'Stock move needs two different locations',
    );
  });
});

describe('VALUED_LOCATION_KINDS', () => {
  it('carries stock at cost in warehouses, in transit and in stores only', () => {
    expect([...VALUED_LOCATION_KINDS].sort()).toEqual(['store', 'transit', 'warehouse']);
  });
});
