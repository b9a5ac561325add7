import { describe, expect, it } from 'vitest';
import { refundAmountOf, returnables } from './refund-lines.ts';

describe('returnables', () => {
  const lines = [
    { lineNo: 1, productId: 'gula', qty: 2, unitPrice: 17_500 },
    { lineNo: 2, productId: 'beras', qty: 1, unitPrice: 70_000 },
    { lineNo: 3, productId: 'gula', qty: 1, unitPrice: 17_000 },
  ];
  it('gives per product what was sold, what was returned and what is left, at the prices of the units left', () => {
    const r = returnables(lines, new Map([['gula', 1]]), (id) => id.toUpperCase());
    expect(r).toEqual([
      { productId: 'gula', name: 'GULA', sold: 3, refunded: 1, prices: [17_500, 17_000] },
      { productId: 'beras', name: 'BERAS', sold: 1, refunded: 0, prices: [70_000] },
    ]);
    expect(refundAmountOf(r[0]!, 2)).toBe(34_500);
    expect(refundAmountOf(r[0]!, 1)).toBe(17_500);
  });
  it('leaves nothing to return once every unit came back', () => {
    const [gula] = returnables(lines, new Map([['gula', 3]]), (id) => id);
    expect(gula!.prices).toEqual([]);
    expect(refundAmountOf(gula!, 1)).toBe(0);
  });
});
