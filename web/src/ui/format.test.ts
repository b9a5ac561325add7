import { describe, expect, it } from 'vitest';
import { parseQuantity, quantity } from './format.ts';

describe('quantities typed the Indonesian way', () => {
  it('accepts plain digits and dots as thousands separators', () => {
    expect(parseQuantity('2000')).toBe(2000);
    expect(parseQuantity('2.000')).toBe(2000);
    expect(parseQuantity(' 1.250.000 ')).toBe(1_250_000);
    expect(parseQuantity('0')).toBe(0);
  });
  it('refuses what is not a whole quantity', () => {
    for (const text of ['', '2,5', '2.5', '2.00', '12.3456', '-3', '1e3', 'dua'])
      expect(parseQuantity(text), text).toBeUndefined();
  });
  it('shows thousands separators', () => {
    expect(quantity(1823)).toBe('1.823');
    expect(quantity(25)).toBe('25');
  });
});
