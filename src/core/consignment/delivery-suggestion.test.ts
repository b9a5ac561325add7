import { describe, expect, it } from 'vitest';
import { suggestedQuantity } from './delivery-suggestion.ts';
import { dispatchVerdict } from './exposure.ts';

describe('suggested delivery quantity', () => {
  it('is four weeks of sales scaled to 14 days of cover, less stock and goods in transit', () => {
    expect(suggestedQuantity({ sold28Days: 280, stock: 40, inTransit: 30 })).toBe(70);
    expect(suggestedQuantity({ sold28Days: 280, stock: 0, inTransit: 0 })).toBe(140);
  });

  it('rounds the target up to a whole unit', () => {
    expect(suggestedQuantity({ sold28Days: 3, stock: 0, inTransit: 0 })).toBe(2);
    expect(suggestedQuantity({ sold28Days: 1, stock: 0, inTransit: 0 })).toBe(1);
  });

  it('is never below 0, and negative recorded stock counts as none', () => {
    expect(suggestedQuantity({ sold28Days: 100, stock: 80, inTransit: 0 })).toBe(0);
    expect(suggestedQuantity({ sold28Days: 0, stock: 0, inTransit: 0 })).toBe(0);
    expect(suggestedQuantity({ sold28Days: 56, stock: -10, inTransit: 0 })).toBe(28);
  });

  it('follows another cover or window when asked', () => {
    expect(suggestedQuantity({ sold28Days: 280, stock: 0, inTransit: 0 }, 7)).toBe(70);
    expect(suggestedQuantity({ sold28Days: 70, stock: 0, inTransit: 0 }, 14, 7)).toBe(140);
  });
});

describe('dispatch verdict', () => {
  it('allows up to the limit exactly, refuses a rupiah past it, and holds on an overdue statement', () => {
    const e = { exposure: 40_000_000, exposureLimit: 50_000_000 };
    expect(dispatchVerdict(e, 10_000_000, [])).toEqual({
      exposureAfter: 50_000_000,
      withinLimit: true,
      onHold: false,
    });
    expect(dispatchVerdict(e, 10_000_001, []).withinLimit).toBe(false);
    expect(dispatchVerdict(e, 0, [{}]).onHold).toBe(true);
  });
});
